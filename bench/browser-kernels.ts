// The sgemm and 3×3 conv kernels in Chromium against Node, in GFLOP/s: the same timing code
// (bench/kernelRates.ts) runs here in Node and in a page (web/bench.html) served by
// tools/serve-web.ts and driven through playwright-core with Debian's /usr/bin/chromium.
//   node --import tsx bench/browser-kernels.ts [--repeats 15] [--json]
import { execFileSync } from "node:child_process";
import { chromium } from "playwright-core";
import { loadWasm } from "../src/wasm/load.js";
import { buildWeb } from "../tools/build-web.js";
import { serveWeb } from "../tools/serve-web.js";
import { kernelRates, type KernelRate } from "./kernelRates.js";
import { argValue, wantsJson } from "./timing.js";

const CHROMIUM = "/usr/bin/chromium";
const repeats = Number(argValue("repeats", "15"));

const node = kernelRates(await loadWasm(), repeats);

const bundleDir = "bench/out/web-bundle";
await buildWeb({ outdir: bundleDir, entries: { bench: "bench/kernelRatesPage.ts" } });
const server = await serveWeb({ bundleDir });
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"] });
let page: KernelRate[] | { error: string };
try {
  const tab = await browser.newPage();
  await tab.goto(`${server.url}/web/bench.html?repeats=${repeats}`);
  await tab.waitForFunction(() => "kernelRates" in window, undefined, { timeout: 600_000 });
  page = await tab.evaluate(() => (window as unknown as { kernelRates: KernelRate[] | { error: string } }).kernelRates);
} finally {
  await browser.close();
  await server.close();
}
if ("error" in page) throw new Error(`the bench page failed: ${page.error}`);
const chromiumRows = page;

const versions = { node: process.version, chromium: execFileSync(CHROMIUM, ["--version"], { encoding: "utf8" }).trim() };
const rows = node.map((n, i) => ({ name: n.name, node_ms: n.ms, node_gflops: n.gflops, chromium_ms: chromiumRows[i].ms, chromium_gflops: chromiumRows[i].gflops, chromium_vs_node: chromiumRows[i].gflops / n.gflops }));
if (wantsJson()) {
  console.log(JSON.stringify(versions));
  for (const row of rows) console.log(JSON.stringify(row));
} else {
  console.log(`Node ${versions.node}; ${versions.chromium}; median of ${repeats}`);
  console.log(`${"kernel".padEnd(22)}${"Node ms".padStart(10)}${"GFLOP/s".padStart(9)}${"Chromium ms".padStart(13)}${"GFLOP/s".padStart(9)}${"Chromium/Node".padStart(15)}`);
  for (const r of rows) {
    console.log(`${r.name.padEnd(22)}${r.node_ms.toFixed(3).padStart(10)}${r.node_gflops.toFixed(1).padStart(9)}${r.chromium_ms.toFixed(3).padStart(13)}${r.chromium_gflops.toFixed(1).padStart(9)}${r.chromium_vs_node.toFixed(2).padStart(15)}`);
  }
}
