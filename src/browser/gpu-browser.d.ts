// gpu.js ships types for its Node entry only; its browser build's default export is the GPU class,
// which carries GPU and input as statics (src/backends/gpujs.ts's GpuJsModule, cast where used).
declare module "gpu.js/dist/gpu-browser.js" {
  const gpu: unknown;
  export default gpu;
}
