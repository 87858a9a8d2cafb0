// The reference kernels run on f32 buffers (tests, benchmarks) and on f64 ones (the f64 backend).
export type Floats = Float32Array | Float64Array;
