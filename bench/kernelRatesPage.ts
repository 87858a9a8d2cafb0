// The browser half of bench/browser-kernels.ts: loads the wasm core the way the library does in a
// page (fetch + instantiateStreaming), runs bench/kernelRates.ts and leaves the rows (or the error)
// on window.kernelRates for the driver to read.
import { loadWasm } from "../src/wasm/load.js";
import { kernelRates, type KernelRate } from "./kernelRates.js";

const page = globalThis as unknown as { kernelRates?: KernelRate[] | { error: string } };
const repeats = Number(new URLSearchParams(location.search).get("repeats") ?? "15");
try {
  page.kernelRates = kernelRates(await loadWasm(), repeats);
} catch (error) {
  page.kernelRates = { error: String(error) };
}
