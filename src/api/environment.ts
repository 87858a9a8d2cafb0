// What parzc runs with here (`parzc info`): its version and its dependencies', the wasm features in
// use, the matmul backend the model would pick, and the data folder that would be read.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gpuJsDefaultMode, REAL_GPU_MODES, selectMatmul, type MatmulBackendName } from "../backends/index.js";
import { findDataRoot, type DataRootSource } from "../data/paths.js";
import { packageJson, packageRoot, type PackageJson } from "./packageJson.js";
import { wasmFeatures, type WasmFeatures } from "./wasmFeatures.js";

export const RUNTIME_DEPENDENCIES = ["commander", "piscina", "gpu.js"] as const;
const DATA_FOLDERS = ["nb201", "cifar10", "nbsz_graf"] as const;

export interface EnvironmentReport {
  parzc: string;
  node: string;
  v8: string;
  /** The compiler in parzc's own node_modules (what `npm run build:wasm` ran), else (`installed: false`) the range package.json declares. */
  assemblyscript: { version: string; installed: boolean };
  /** Installed versions; null where a package cannot be found. */
  dependencies: Record<(typeof RUNTIME_DEPENDENCIES)[number], string | null>;
  wasm: WasmFeatures;
  matmul: { backend: MatmulBackendName; device: string; reason: string };
  /** The data root and the rule that picked it (src/data/paths.ts: --data, PARZC_DATA, the bundled data/, ../shared/data). */
  data: { root: string; via: DataRootSource; folders: Record<(typeof DATA_FOLDERS)[number], boolean> } | { root: null; problem: string };
}

/** The version of the package `name` resolves to from here (only if it lies under `within`), or null. */
export function installedVersion(name: string, within?: string): string | null {
  let folder: string;
  try {
    folder = dirname(fileURLToPath(import.meta.resolve(name)));
  } catch {
    return null;
  }
  if (within !== undefined && !folder.startsWith(within)) return null;
  // Up from the entry point to the package's own package.json.
  for (; ; folder = dirname(folder)) {
    const file = join(folder, "package.json");
    if (existsSync(file)) {
      const found = JSON.parse(readFileSync(file, "utf8")) as Partial<PackageJson>;
      if (found.name === name) return found.version ?? null;
    }
    if (dirname(folder) === folder) return null;
  }
}

async function matmulChoice(): Promise<EnvironmentReport["matmul"]> {
  const backend = await selectMatmul("auto");
  backend.dispose();
  const probe = await gpuJsDefaultMode();
  const reason = "unavailable" in probe ? probe.unavailable
    : REAL_GPU_MODES.includes(probe.mode) ? `gpu.js found a GPU (mode ${probe.mode})`
    : `gpu.js would run in its ${probe.mode} mode (no GPU), slower than the SIMD sgemm`;
  return { backend: backend.name, device: backend.device, reason };
}

function dataRoot(explicit: string | undefined): EnvironmentReport["data"] {
  let root: string, via: DataRootSource;
  try {
    ({ path: root, via } = findDataRoot(explicit));
  } catch (error) {
    return { root: null, problem: error instanceof Error ? error.message : String(error) };
  }
  const folders = Object.fromEntries(DATA_FOLDERS.map((name) => [name, existsSync(join(root, name))])) as Record<(typeof DATA_FOLDERS)[number], boolean>;
  return { root, via, folders };
}

export async function environmentReport(data?: string): Promise<EnvironmentReport> {
  const assemblyscript = installedVersion("assemblyscript", join(fileURLToPath(packageRoot), "node_modules"));
  return {
    parzc: packageJson.version,
    node: process.versions.node,
    v8: process.versions.v8,
    assemblyscript: assemblyscript ? { version: assemblyscript, installed: true } : { version: packageJson.devDependencies?.assemblyscript ?? "unknown", installed: false },
    dependencies: Object.fromEntries(RUNTIME_DEPENDENCIES.map((name) => [name, installedVersion(name)])) as EnvironmentReport["dependencies"],
    wasm: await wasmFeatures(),
    matmul: await matmulChoice(),
    data: dataRoot(data),
  };
}
