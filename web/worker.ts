// The page's worker: all parzc work runs here, off the main thread, one request at a time. It keeps
// the loaded images, the last proxy records and the loaded model between requests, and reports
// progress per architecture. Bad input comes back as an "error" reply with the InputError's text;
// the state from before the bad request stays, so the page remains usable.
import {
  browserMatmul, computeProxies, encodeStats, getSpace, InputError, parseCifar10, parseModel, predict, proxyInputsFromImages, topIndices,
  type BrowserMatmul, type Cifar10Set, type Predictor, type ProxyRecord,
} from "../src/browser.js";
import type { Reply, Request } from "./protocol.js";

interface WorkerScope {
  postMessage(message: Reply): void;
  onmessage: ((event: MessageEvent<Request>) => void) | null;
}
const scope = self as unknown as WorkerScope;
const post = (reply: Reply): void => scope.postMessage(reply);

/** The page passes ?matmul=wasm on to this worker's URL to force the wasm sgemm (default: auto). */
const matmul: Promise<BrowserMatmul> = browserMatmul(new URL(self.location.href).searchParams.get("matmul") ?? "auto");
let images: Cifar10Set | undefined;
let records: ProxyRecord[] = [];
let model: Predictor | undefined;

async function computeAll(spaceName: string, archs: string[], proxies: string[], batch: number, seed: number): Promise<void> {
  if (!images) throw new InputError("no CIFAR-10 images are loaded: choose a CIFAR-10 binary batch file first.");
  const space = getSpace(spaceName);
  const inputs = proxyInputsFromImages(images, { batchSize: batch, seed });
  const canonical = archs.map((arch) => space.format(space.parse(arch)));
  const started = performance.now();
  const done: ProxyRecord[] = [];
  for (const [i, arch] of canonical.entries()) {
    post({ type: "progress", done: i, total: canonical.length, what: arch });
    done.push(await computeProxies(space, arch, { proxies, seed, inputs }));
  }
  post({ type: "progress", done: canonical.length, total: canonical.length, what: "done" });
  records = done;
  post({ type: "proxies", records, seconds: (performance.now() - started) / 1000 });
}

async function loadModel(name: string, text: string): Promise<void> {
  const loaded = await parseModel(text, name, { matmul: (await matmul).backend });
  model = loaded;
  const { config, encoding } = loaded;
  post({ type: "model", name, summary: `${config.kind}, ${loaded.net.params.list.length} tensors, inputs ${encoding.proxies.join(", ")} × ${encoding.maxNodes} nodes${encoding.magnitudes ? " + magnitudes" : ""}` });
}

function rank(samples: number, seed: number): void {
  if (!model) throw new InputError("no model is loaded: choose a model JSON written by `parzc train --out` first.");
  if (records.length === 0) throw new InputError("no proxies have been computed: compute them for your architectures first.");
  const missing = model.encoding.proxies.filter((proxy) => !records.every((record) => record.nodes[proxy]));
  if (missing.length > 0) throw new InputError(`the model needs the node vectors of ${missing.join(", ")}: tick them under Proxies and compute again.`);
  const stats = { archs: records.map((r) => r.arch), nodes: Object.fromEntries(model.encoding.proxies.map((proxy) => [proxy, records.map((r) => r.nodes[proxy])])) };
  const started = performance.now();
  const encoded = encodeStats(stats, model.encoding);
  const prediction = predict(model, encoded, { samples, seed });
  const rows = topIndices(prediction.mean, encoded.archs.length).map((i, r) => ({ rank: r + 1, arch: encoded.archs[i], mean: prediction.mean[i], std: prediction.std[i] }));
  post({ type: "ranking", rows, samples: prediction.samples, seconds: (performance.now() - started) / 1000 });
}

async function handle(request: Request): Promise<void> {
  switch (request.type) {
    case "images":
      images = parseCifar10(new Uint8Array(request.bytes), request.name);
      return post({ type: "images", name: request.name, count: images.count });
    case "proxies":
      return computeAll(request.space, request.archs, request.proxies, request.batch, request.seed);
    case "model":
      return loadModel(request.name, request.text);
    case "rank":
      return rank(request.samples, request.seed);
  }
}

/** The user's to fix: the InputError's text. Ours: say so, with the error's own text. */
function messageOf(error: unknown): string {
  if (error instanceof InputError) return error.message;
  return `unexpected error (please report it): ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`;
}

let queue = Promise.resolve();
scope.onmessage = ({ data: request }) => {
  queue = queue.then(() => handle(request)).catch((error: unknown) => post({ type: "error", request: request.type, message: messageOf(error) }));
};
matmul.then(
  ({ backend, webgl2, webgpu }) => post({ type: "ready", matmul: backend.device, webgl2, webgpu }),
  (error: unknown) => post({ type: "error", request: "init", message: messageOf(error) }),
);
