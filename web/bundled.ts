// The sample the project ships, for a visitor with no files of their own: CIFAR-10's first 1,000
// training images (data/cifar10/data_batch_1_first1000.bin.gz, the slice the CLI's proxies draw
// from) and a small ParZC model trained on it (data/models/nb201-web-small.json; data/README.md
// says how). They are fetched from the server, beside build/ as src/wasm/load.ts fetches the wasm
// (tools/serve-web.ts serves data/); nothing leaves the machine. Files whose name ends in .gz,
// bundled or chosen by the visitor, are gunzipped here with the browser's DecompressionStream.
export const BUNDLED_IMAGES = new URL("../../data/cifar10/data_batch_1_first1000.bin.gz", import.meta.url);
export const BUNDLED_MODEL = new URL("../../data/models/nb201-web-small.json", import.meta.url);

/** The last path segment of a URL: the name messages and the page show. */
export const fileName = (url: URL): string => url.pathname.slice(url.pathname.lastIndexOf("/") + 1);

/** The bytes, gunzipped when `name` ends in .gz; a broken gzip file gets a message naming it. */
export async function gunzipByName(name: string, bytes: ArrayBuffer): Promise<ArrayBuffer> {
  if (!name.endsWith(".gz")) return bytes;
  try {
    return await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"))).arrayBuffer();
  } catch (error) {
    throw new Error(`${name} is not a complete gzip file (${error instanceof Error ? error.message : String(error)}): choose the file whole, or the plain file without .gz.`);
  }
}

/** A bundled file's response, or a message saying how to serve it. */
export async function fetchBundled(url: URL): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw new Error(`could not fetch the bundled ${fileName(url)} (${error instanceof Error ? error.message : String(error)}): serve the project's root with \`npm run web\`.`);
  }
  if (!response.ok) throw new Error(`the bundled ${url.pathname} answered ${response.status}: serve the project's root with \`npm run web\`, which serves data/.`);
  return response;
}
