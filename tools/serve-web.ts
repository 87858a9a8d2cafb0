// A small static server for the browser demo: web/ (the page), the bundle folder (dist/web/ from
// tools/build-web.ts) and build/parzc.wasm, at the URLs the page and src/wasm/load.ts expect.
// Every response is cross-origin isolated (COOP same-origin, COEP require-corp), so the page may
// use SharedArrayBuffer and precise timers.
//   node --import tsx tools/serve-web.ts [--port 8080]     then open http://127.0.0.1:8080/
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname, extname, resolve, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8",
  ".map": "application/json", ".json": "application/json", ".wasm": "application/wasm", ".png": "image/png",
};

const ISOLATION = {
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Embedder-Policy": "require-corp",
  "Cross-Origin-Resource-Policy": "same-origin",
  "Cache-Control": "no-store",
};

export interface WebServer {
  url: string;
  close(): Promise<void>;
}

export interface ServeOptions {
  port?: number;
  /** The bundle folder served at /dist/web/ (default dist/web). */
  bundleDir?: string;
}

/** URL prefix → folder on disk. */
function mounts(bundleDir: string): [string, string][] {
  return [["/web/", resolve(root, "web")], ["/dist/web/", resolve(root, bundleDir)], ["/build/", resolve(root, "build")]];
}

/** The file a URL path names inside a mount, or undefined (unknown prefix, or a path that climbs out). */
function fileFor(path: string, table: [string, string][]): string | undefined {
  const decoded = decodeURIComponent(path);
  for (const [prefix, folder] of table) {
    if (!decoded.startsWith(prefix)) continue;
    const file = resolve(folder, decoded.slice(prefix.length));
    return file.startsWith(folder + sep) ? file : undefined;
  }
  return undefined;
}

function reply(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { ...ISOLATION, "Content-Type": "text/plain; charset=utf-8" }).end(text);
}

export function serveWeb({ port = 0, bundleDir = "dist/web" }: ServeOptions = {}): Promise<WebServer> {
  const table = mounts(bundleDir);
  const server = createServer(async (request, response) => {
    const path = new URL(request.url ?? "/", "http://localhost").pathname;
    if (path === "/") {
      response.writeHead(302, { ...ISOLATION, Location: "/web/index.html" }).end();
      return;
    }
    const file = fileFor(path, table);
    const found = file ? await stat(file).then((s) => s.isFile(), () => false) : false;
    if (!file || !found) return reply(response, 404, `not found: ${path}${path.startsWith("/dist/web/") ? " (build the bundle with `npm run build:web`)" : ""}`);
    response.writeHead(200, { ...ISOLATION, "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(response);
  });
  return new Promise((done, fail) => {
    server.once("error", fail);
    server.listen(port, "127.0.0.1", () => {
      const { port: bound } = server.address() as AddressInfo;
      done({ url: `http://127.0.0.1:${bound}`, close: () => new Promise((closed) => server.close(() => closed())) });
    });
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const at = process.argv.indexOf("--port");
  const { url } = await serveWeb({ port: at >= 0 ? Number(process.argv[at + 1]) : 8080 });
  console.log(`parzc demo: ${url}/  (Ctrl-C stops it)`);
}
