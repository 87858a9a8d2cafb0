// The demo page in a real Chromium: bad input (a malformed arch, a wrong-size CIFAR file, a model
// of another version) gets a clear message and the page stays usable; then proxies and a ranking
// computed in the page's worker equal the same computations in Node to 1e-5 (relative above 1),
// from chosen files and from the bundled sample images and model (no file chosen).
// Needs Debian's chromium at /usr/bin/chromium (.ci/run installs it); without it this test fails.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { chromium, type Browser, type Page } from "playwright-core";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readDataBytes } from "../../src/data/dataBytes.js";
import { bundledDataRoot, dataFile, resolveDataRoot } from "../../src/data/paths.js";
import { defaultConfig } from "../../src/model/config.js";
import { syntheticDataset } from "../../src/model/dataset.js";
import { modelDocument, parseModel } from "../../src/model/modelFile.js";
import { predict } from "../../src/model/predict.js";
import { encodeStats } from "../../src/model/features.js";
import { train } from "../../src/model/train.js";
import { computeProxies, PARZC_PROXIES, type ProxyRecord } from "../../src/proxies/index.js";
import { getSpace } from "../../src/spaces/index.js";
import { nb201 } from "../../src/spaces/nb201/index.js";
import { buildWeb } from "../../tools/build-web.js";
import { serveWeb, type WebServer } from "../../tools/serve-web.js";
import type {} from "../../web/protocol.js"; // window.parzc

const CHROMIUM = "/usr/bin/chromium";
const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const out = join("test", "out", "web");
const ARCHS = [
  "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_3x3~2|",
  "|nor_conv_1x1~0|+|avg_pool_3x3~0|nor_conv_1x1~1|+|skip_connect~0|nor_conv_1x1~1|avg_pool_3x3~2|",
  "|skip_connect~0|+|nor_conv_3x3~0|none~1|+|avg_pool_3x3~0|nor_conv_1x1~1|skip_connect~2|",
];
const SAMPLES = 8;

let browser: Browser, page: Page, server: WebServer;
const files = { cifar: "", truncated: join(out, "truncated.bin"), brokenGzip: join(out, "broken.bin.gz"), model: join(out, "model.json"), oldModel: join(out, "model-v2.json") };
let modelText = "";

/** What the page holds, with typed arrays as plain arrays. */
interface PageResults {
  records: { arch: string; scores: Record<string, number | null>; nodes: Record<string, number[]>; flags: string[] }[];
  ranking: { rank: number; arch: string; mean: number; std: number }[];
}

/** Everything the tests share; started by the first test, so a failure (no chromium) fails each test with its message. */
async function start(): Promise<void> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing, so the browser test cannot run: install it with \`apt-get install -y --no-install-recommends chromium\` (.ci/run does).`);
  }
  mkdirSync(out, { recursive: true });
  files.cifar = dataFile(resolveDataRoot(), "cifar10", "data_batch_1_first1000.bin");
  writeFileSync(files.truncated, readDataBytes(files.cifar).subarray(0, 2 * 3073 + 100));
  writeFileSync(files.brokenGzip, gzipSync(readDataBytes(files.cifar)).subarray(0, 5000));
  const config = defaultConfig("mabn", { sequence: 32, segment: 8, width: 8, depth: 1, archEncoder: { width: 4, layers: 1, hidden: 8 } });
  const { model } = await train(config, syntheticDataset(40, { seed: 8 }), { epochs: 1, seed: 3 });
  const document = modelDocument(model);
  modelText = JSON.stringify(document);
  writeFileSync(files.model, modelText);
  writeFileSync(files.oldModel, JSON.stringify({ ...document, version: 2 }));
  const bundleDir = join(out, "bundle");
  await buildWeb({ outdir: bundleDir });
  server = await serveWeb({ bundleDir });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  page = await openPage("");
}

let started: Promise<void> | undefined;
function browserTest(name: string, body: () => Promise<void>): void {
  test(name, async () => {
    await (started ??= start());
    await body();
  });
}

/** The demo page at `query`, once its worker has said which matmul backend it uses. */
async function openPage(query: string): Promise<Page> {
  const opened = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  const problems: string[] = [];
  opened.on("pageerror", (error) => problems.push(error.message));
  await opened.goto(`${server.url}/web/index.html${query}`);
  await opened.waitForFunction(() => window.parzc?.matmul !== null, undefined, { timeout: 60_000 }).catch((error: Error) => {
    throw new Error(`the page's worker did not start (${problems.join("; ") || error.message}): ${opened.url()}`);
  });
  return opened;
}

test.after(async () => {
  await browser?.close();
  await server?.close();
});

const text = (selector: string, on: Page = page) => on.locator(selector).innerText();

browserTest("the page says which backend runs the model's matmuls, and ?matmul=wasm forces the wasm sgemm", async () => {
  assert.match(await text("#matmul"), /^(wasm SIMD sgemm \(WebGL2: no|gpu\.js webgl2 \(WebGL2: yes);/);
  const wasmPage = await openPage("?matmul=wasm");
  assert.match(await text("#matmul", wasmPage), /^wasm SIMD sgemm \(WebGL2: (yes|no);/);
  await wasmPage.close();
  const badPage = await browser.newPage();
  await badPage.goto(`${server.url}/web/index.html?matmul=cuda`);
  await badPage.waitForFunction(() => document.getElementById("model-error")!.textContent !== "");
  assert.match(await text("#model-error", badPage), /matmul backend "cuda" is unknown: expected auto or wasm/);
  await badPage.close();
});

browserTest("a malformed arch, a wrong-size CIFAR file and a model of another version each get a clear message", async () => {
  await page.fill("#archs", `${ARCHS[0]}\n|nor_conv_3x3~0|+|bogus_op~0|none~1|`);
  const messages = await text("#arch-messages");
  assert.match(messages, /line 2: /);
  assert.match(messages, /bogus_op/);
  assert.ok(await page.locator("#compute").isDisabled(), "compute stays disabled while a line is malformed");

  await page.setInputFiles("#cifar-file", files.truncated);
  await page.waitForFunction(() => document.getElementById("cifar-error")!.textContent !== "");
  assert.match(await text("#cifar-error"), /truncated\.bin is 6246 bytes, not a whole number of CIFAR-10 records/);
  await page.setInputFiles("#cifar-file", files.brokenGzip);
  await page.waitForFunction(() => /gzip/.test(document.getElementById("cifar-error")!.textContent ?? ""));
  assert.match(await text("#cifar-error"), /broken\.bin\.gz is not a complete gzip file/);

  await page.setInputFiles("#model-file", files.oldModel);
  await page.waitForFunction(() => document.getElementById("model-error")!.textContent !== "");
  assert.match(await text("#model-error"), /model-v2\.json is a parzc model of format version 2; this parzc reads version 1/);
});

/** Archs, images and model into the page; checks each is accepted. */
async function loadInputs(on: Page): Promise<void> {
  await on.fill("#archs", ARCHS.join("\n"));
  assert.match(await text("#arch-messages", on), /3 architecture\(s\) ready/);
  await on.setInputFiles("#cifar-file", files.cifar);
  await on.waitForFunction(() => window.parzc.images > 0);
  assert.match(await text("#cifar-status", on), /1000 images/);
  assert.is(await text("#cifar-error", on), "");
  await on.setInputFiles("#model-file", files.model);
  await on.waitForFunction(() => window.parzc.model !== null);
  assert.match(await text("#model-status", on), /model\.json: mabn/);
  assert.is(await text("#model-error", on), "");
}

browserTest("after bad input the page goes on: good files load and the archs validate", async () => {
  await loadInputs(page);
});

function close(got: number | null, want: number | null, what: string): void {
  if (want === null || !Number.isFinite(want)) {
    assert.ok(got === null || !Number.isFinite(got), `${what}: ${got}, Node has ${want}`);
    return;
  }
  assert.ok(got !== null && Math.abs(got - want) <= 1e-5 * Math.max(1, Math.abs(want)), `${what}: ${got}, Node has ${want}`);
}

let nodeRecords: ProxyRecord[] | undefined;
async function nodeProxies(): Promise<ProxyRecord[]> {
  nodeRecords ??= await Promise.all(ARCHS.map((arch) => computeProxies(nb201, arch, { proxies: PARZC_PROXIES, seed: 0, batch: 16 })));
  return nodeRecords;
}

/** Computes the proxies in the page and compares them with Node's. */
async function checkProxies(on: Page): Promise<void> {
  await on.click("#compute");
  await on.waitForFunction((n) => window.parzc.records.length === n && !window.parzc.busy, ARCHS.length, { timeout: 300_000 });
  assert.match(await text("#progress-text", on), /3 architecture\(s\) in/);
  assert.is(await on.locator("#charts svg").count(), PARZC_PROXIES.length);
  const results = await on.evaluate((): PageResults["records"] => window.parzc.records.map((r) => ({
    arch: r.arch, scores: r.scores, flags: r.flags, nodes: Object.fromEntries(Object.entries(r.nodes).map(([k, v]) => [k, Array.from(v)])),
  })));
  const want = await nodeProxies();
  results.forEach((got, i) => {
    assert.is(got.arch, want[i].arch);
    assert.equal(got.flags, want[i].flags);
    for (const proxy of PARZC_PROXIES) {
      close(got.scores[proxy], want[i].scores[proxy], `${proxy} score of arch ${i}`);
      assert.is(got.nodes[proxy].length, want[i].nodes[proxy].length);
      got.nodes[proxy].forEach((v, j) => close(v, want[i].nodes[proxy][j], `${proxy} node ${j} of arch ${i}`));
    }
  });
}

/** Ranks in the page and compares the mean and std of every architecture with Node's predict of the model `text`. */
async function checkRanking(on: Page, text = modelText): Promise<void> {
  await on.click("#rank");
  await on.waitForFunction((n) => window.parzc.ranking.length === n && !window.parzc.busy, ARCHS.length, { timeout: 120_000 });
  const ranking = await on.evaluate((): PageResults["ranking"] => window.parzc.ranking);
  const records = await nodeProxies();
  const model = await parseModel(text, "model.json");
  const stats = { archs: records.map((r) => r.arch), nodes: Object.fromEntries(PARZC_PROXIES.map((p) => [p, records.map((r) => r.nodes[p])])) };
  const prediction = predict(model, encodeStats(stats, model.encoding), { samples: SAMPLES, seed: 0 });
  assert.ok(ranking.some((row) => row.std > 0), "a Bayesian model's samples differ");
  for (const row of ranking) {
    const i = stats.archs.indexOf(row.arch);
    close(row.mean, prediction.mean[i], `mean of ${row.arch}`);
    close(row.std, prediction.std[i], `std of ${row.arch}`);
  }
  assert.equal(ranking.map((row) => row.rank), [1, 2, 3]);
  assert.ok(ranking[0].mean >= ranking[1].mean && ranking[1].mean >= ranking[2].mean, "rows are sorted by mean");
}

browserTest("proxies computed in the page's worker equal Node's", async () => {
  await checkProxies(page);
});

browserTest("the page's ranking (mean and std over K samples) equals Node's", async () => {
  await checkRanking(page);
  await page.screenshot({ path: join(out, "page.png"), fullPage: true });
});

browserTest("the bundled sample images and model, with no file chosen, give Node's proxies and ranking", async () => {
  const bundledPage = await openPage("");
  const fetched: string[] = [];
  bundledPage.on("request", (request) => fetched.push(new URL(request.url()).pathname));
  await bundledPage.fill("#archs", ARCHS.join("\n"));
  await bundledPage.click("#bundled-images");
  await bundledPage.waitForFunction(() => window.parzc.images > 0, undefined, { timeout: 60_000 });
  assert.is(await text("#cifar-status", bundledPage), "data_batch_1_first1000.bin.gz: 1000 images");
  await bundledPage.click("#bundled-model");
  await bundledPage.waitForFunction(() => window.parzc.model !== null, undefined, { timeout: 60_000 });
  assert.match(await text("#model-status", bundledPage), /^nb201-web-small\.json: mabn, \d+ tensors, inputs grad_norm, snip, synflow × 98 nodes/);
  assert.is(await text("#cifar-error", bundledPage) + await text("#model-error", bundledPage), "");
  assert.ok(fetched.includes("/data/cifar10/data_batch_1_first1000.bin.gz") && fetched.includes("/data/models/nb201-web-small.json"), fetched.join(" "));
  await checkProxies(bundledPage);
  await checkRanking(bundledPage, readFileSync(join(bundledDataRoot(), "models", "nb201-web-small.json"), "utf8"));
  await bundledPage.close();
});

browserTest("the NB101 space: its parser checks the box inline, and its proxies in the page equal Node's", async () => {
  const nb101Page = await openPage("");
  await nb101Page.selectOption("#space", "nb101");
  assert.match(await text("#arch-grammar", nb101Page), /NAS-Bench-101 architecture a line: a compact string such as/);
  await nb101Page.fill("#archs", "c3,c3:01,23\nc3,c5:01,12,23");
  const messages = await text("#arch-messages", nb101Page);
  assert.match(messages, /line 1: bad NB101 cell "c3,c3:01,23": no path leads from the input to the output/);
  assert.match(messages, /line 2: bad NB101 cell "c3,c5:01,12,23": unknown op "c5"/);
  assert.ok(await nb101Page.locator("#compute").isDisabled(), "compute stays disabled while a line is malformed");
  const cells = [":01", '{"matrix": [[0,1,1,0,0],[0,0,0,1,1],[0,0,0,0,1],[0,0,0,0,1],[0,0,0,0,0]], "ops": ["input","conv3x3-bn-relu","maxpool3x3","conv1x1-bn-relu","output"]}'];
  await nb101Page.fill("#archs", cells.join("\n"));
  assert.match(await text("#arch-messages", nb101Page), /2 architecture\(s\) ready/);
  await nb101Page.click("#bundled-images");
  await nb101Page.waitForFunction(() => window.parzc.images > 0, undefined, { timeout: 60_000 });
  await nb101Page.fill("#batch", "4");
  await nb101Page.click("#compute");
  await nb101Page.waitForFunction(() => window.parzc.records.length === 2 && !window.parzc.busy, undefined, { timeout: 300_000 });
  const got = await nb101Page.evaluate(() => window.parzc.records.map((r) => ({ arch: r.arch, scores: r.scores, nodes: Object.fromEntries(Object.entries(r.nodes).map(([k, v]) => [k, Array.from(v)])) })));
  const nb101 = getSpace("nb101");
  for (const [i, cell] of cells.entries()) {
    const want = await computeProxies(nb101, cell, { proxies: PARZC_PROXIES, seed: 0, batch: 4 });
    assert.is(got[i].arch, want.arch);
    assert.is(got[i].arch, [":01", "c3,mp,c1:01,02,13,14,24,34"][i]);
    for (const proxy of PARZC_PROXIES) {
      close(got[i].scores[proxy], want.scores[proxy], `${proxy} score of ${want.arch}`);
      assert.is(got[i].nodes[proxy].length, nb101.nodeCount(nb101.parse(want.arch)));
      got[i].nodes[proxy].forEach((v, j) => close(v, want.nodes[proxy][j], `${proxy} node ${j} of ${want.arch}`));
    }
  }
  await nb101Page.close();
});

browserTest("with ?matmul=wasm the page's proxies and ranking equal Node's too", async () => {
  const wasmPage = await openPage("?matmul=wasm");
  await loadInputs(wasmPage);
  await checkProxies(wasmPage);
  await checkRanking(wasmPage);
  await wasmPage.close();
});

test.run();
