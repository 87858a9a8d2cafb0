// parzc's browser API: what runs without Node (no file system, no worker threads). Data comes in
// as bytes or text the page was given: CIFAR-10 records (parseCifar10), a model file's JSON
// (parseModel); proxies need `inputs` built from those images. tools/build-web.ts bundles this
// entry with esbuild as dist/web/parzc.js; the wasm core is fetched from build/parzc.wasm.
export { nb201 } from "./spaces/nb201/index.js";
export { getSpace, spaceNames, type AnySpace } from "./spaces/index.js";
export type { Nb201Arch, Nb201Dataset } from "./spaces/nb201/index.js";
export { computeProxies, getProxy, proxyNames, PARZC_PROXIES } from "./proxies/index.js";
export type { ComputeOptions, ProxyDefinition, ProxyOutput, ProxyRecord } from "./proxies/index.js";
export { proxyInputsFromImages, DEFAULT_BATCH_SIZE, type ProxyInputs, type InputOptions } from "./proxies/imageInputs.js";
export { parseCifar10, cifarBatch, NORMALISATIONS, type Cifar10Set } from "./data/cifar10Format.js";
export { encodeNodes, encodeStats, encodedSize, minMaxScale, parzcEncoding, type EncodingSettings, type NodeStats } from "./model/features.js";
export { nodeWeights, weightedScore, NODE_WEIGHTINGS, type NodeWeighting } from "./proxies/weighting.js";
export { parseModel, modelDocument, MODEL_FORMAT, MODEL_VERSION } from "./model/modelFile.js";
export { predict, type PredictOptions, type Prediction } from "./model/predict.js";
export type { Predictor } from "./model/predictor.js";
export { wasmMatmul, type MatmulBackend } from "./backends/index.js";
export { browserMatmul, type BrowserMatmul, type BrowserMatmulChoice } from "./browser/gpu.js";
export { kendallTau } from "./metrics/kendall.js";
export { spearman } from "./metrics/spearman.js";
export { Engine } from "./engine/engine.js";
export { wasmBackend, wasmBackendF64 } from "./engine/backend.js";
export { loadWasm } from "./wasm/load.js";
export { InputError } from "./util/errors.js";
export { topIndices } from "./metrics/topk.js";
export { Random } from "./util/random.js";
