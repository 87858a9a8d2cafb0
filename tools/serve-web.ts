// A small static server for the browser demo: web/ (the page), the bundle folder (dist/web/ from
// tools/build-web.ts) and build/parzc.wasm, at the URLs the page and src/wasm/load.ts expect.
// Every response is cross-origin isolated (COOP same-origin, COEP require-corp), so the page may
// use SharedArrayBuffer and precise timers.
//   node --import tsx tools/serve-web.ts [--port 8080]     then open http://127.0.0.1:8080/
import { open, stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { pipeline } from "node:stream/promises";
import { dirname, extname, resolve, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { quoted } from "../src/util/quoted.js";

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
  return [["/web/", resolve(root, "web")], ["/dist/web/", resolve(root, bundleDir)], ["/build/", resolve(root, "build")], ["/data/", resolve(root, "data")]];
}

/** The request's decoded path, or undefined when the URL is malformed (bad percent-encoding, say). */
function decodedPath(url: string): string | undefined {
  try {
    return decodeURIComponent(new URL(url, "http://localhost").pathname);
  } catch {
    return undefined;
  }
}

/** The file a decoded URL path names inside a mount, or undefined (unknown prefix, or a path that climbs out). */
function fileFor(decoded: string, table: [string, string][]): string | undefined {
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

async function respond(request: IncomingMessage, response: ServerResponse, table: [string, string][]): Promise<void> {
  const path = decodedPath(request.url ?? "/");
  if (path === undefined) return reply(response, 400, `bad request: ${quoted(request.url ?? "")} is not a valid URL (check its %-escapes)`);
  if (path === "/") {
    response.writeHead(302, { ...ISOLATION, Location: "/web/index.html" }).end();
    return;
  }
  const file = fileFor(path, table);
  const found = file ? await stat(file).then((s) => s.isFile(), () => false) : false;
  if (!file || !found) return reply(response, 404, `not found: ${path}${path.startsWith("/dist/web/") ? " (build the bundle with `npm run build:web`)" : ""}`);
  const handle = await open(file); // before the 200, so a file that cannot be read gets a 500
  response.writeHead(200, { ...ISOLATION, "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" });
  await pipeline(handle.createReadStream(), response);
}

export function serveWeb({ port = 0, bundleDir = "dist/web" }: ServeOptions = {}): Promise<WebServer> {
  const table = mounts(bundleDir);
  // One request's failure is logged in a line and answered 500; the server goes on serving.
  const server = createServer((request, response) => {
    respond(request, response, table).catch((error: NodeJS.ErrnoException) => {
      if (error.code === "ERR_STREAM_PREMATURE_CLOSE") return; // the client went away mid-file
      console.error(`serve-web: ${request.method} ${quoted(request.url ?? "")} failed: ${error.message}`);
      if (response.headersSent) response.destroy();
      else reply(response, 500, "internal error: see the server's log");
    });
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
