// The browser build: esbuild bundles src/browser.ts (the library, as dist/web/parzc.js) and the demo
// page's script and worker (web/) as ES modules sharing chunks; gpu.js's browser build becomes a
// chunk loaded on first use. The wasm and the data are not copied: src/wasm/load.ts fetches
// build/parzc.wasm and the page fetches its bundled sample (data/cifar10/…, data/models/…)
// relative to the bundle, and tools/serve-web.ts serves all three.
//   node --import tsx tools/build-web.ts [--outdir dist/web]
// A Node built-in in the browser graph fails the build, except in the modules listed below, whose
// Node functions (reading the data folder, model files from paths) a page never calls: there each
// import becomes a function that throws a message saying so.
import { build, type Plugin } from "esbuild";
import { createRequire } from "node:module";
import { readFile, rm } from "node:fs/promises";
import { dirname, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

export const WEB_ENTRIES: Record<string, string> = { parzc: "src/browser.ts", app: "web/app.ts", worker: "web/worker.ts" };

/** Importer (from the repository root) → the Node built-ins it may import in a browser bundle. */
const NODE_ONLY_IMPORTS: Record<string, readonly string[]> = {
  "src/data/paths.ts": ["node:fs", "node:path", "node:url"],
  "src/data/dataBytes.ts": ["node:fs", "node:path", "node:zlib"],
  "src/data/manifest.ts": ["node:crypto", "node:fs", "node:path"],
  "src/model/modelFile.ts": ["node:fs"],
  "src/util/safeFiles.ts": ["node:fs", "node:path", "node:crypto"],
  "bench/timing.ts": ["node:child_process"],
};

/** modelFile.ts encodes parameters with Node's Buffer; the browser gets src/browser/base64Buffer.ts. */
const NEEDS_BUFFER = "src/model/modelFile.ts";

const require = createRequire(import.meta.url);

function stubSource(builtin: string): string {
  const names = Object.keys(require(builtin) as object).filter((name) => /^[A-Za-z_$][\w$]*$/.test(name) && name !== "default");
  const lines = names.map((name) => `export const ${name} = unavailable(${JSON.stringify(name)});`);
  return [
    `function unavailable(name) { return () => { throw new Error("parzc: " + name + " (${builtin}) is not available in a browser; pass the data in instead (parseCifar10(bytes), parseModel(text))."); }; }`,
    ...lines,
  ].join("\n");
}

const nodeOnly: Plugin = {
  name: "parzc-node-only",
  setup(esbuild) {
    esbuild.onResolve({ filter: /^node:/ }, ({ path, importer }) => {
      const from = relative(root, importer).split("\\").join("/");
      if (NODE_ONLY_IMPORTS[from]?.includes(path)) return { path, namespace: "node-only" };
      return { errors: [{ text: `${from} imports ${path}, which a browser lacks. Keep it out of src/browser.ts's imports, or split the browser-safe part into a module of its own.` }] };
    });
    esbuild.onLoad({ filter: /.*/, namespace: "node-only" }, ({ path }) => ({ contents: stubSource(path), loader: "js" }));
    esbuild.onLoad({ filter: /modelFile\.ts$/ }, async ({ path }) => {
      if (relative(root, path).split("\\").join("/") !== NEEDS_BUFFER) return undefined;
      const shim = JSON.stringify(resolve(root, "src/browser/base64Buffer.ts"));
      return { contents: `import { Buffer } from ${shim};\n${await readFile(path, "utf8")}`, loader: "ts", resolveDir: dirname(path) };
    });
  },
};

export interface WebBuildOptions {
  outdir?: string;
  /** Output name → entry file, both relative to the repository root. */
  entries?: Record<string, string>;
}

/** Bundles the entries into `outdir` (absolute or from the repository root); returns the files written. */
export async function buildWeb({ outdir = "dist/web", entries = WEB_ENTRIES }: WebBuildOptions = {}): Promise<string[]> {
  // Chunk names are content hashes: without a clean folder, old chunks pile up and get packed.
  await rm(resolve(root, outdir), { recursive: true, force: true });
  const result = await build({
    absWorkingDir: root,
    entryPoints: Object.fromEntries(Object.entries(entries).map(([name, file]) => [name, resolve(root, file)])),
    outdir: resolve(root, outdir),
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    sourcemap: true,
    logLevel: "silent", // failures are thrown with every error in the message
    plugins: [nodeOnly],
    metafile: true,
  });
  return Object.keys(result.metafile.outputs);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const at = process.argv.indexOf("--outdir");
  const outdir = at >= 0 ? process.argv[at + 1] : undefined;
  const files = await buildWeb({ outdir });
  console.log(`built ${files.filter((file) => file.endsWith(".js")).length} browser modules in ${outdir ?? "dist/web"}`);
}
