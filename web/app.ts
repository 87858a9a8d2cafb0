// The demo page's main thread: reads the user's inputs, shows inline messages, and hands the work
// to web/worker.ts; results come back as messages and are drawn as tables and SVG charts. The
// latest results are also on window.parzc, for the console (and the browser test).
import { getSpace, PARZC_PROXIES, proxyNames, Random, spaceNames, type ProxyRecord } from "../src/browser.js";
import { ARCH_PRESETS, checkArchLines } from "./archInput.js";
import { BUNDLED_IMAGES, BUNDLED_MODEL, fetchBundled, fileName, gunzipByName } from "./bundled.js";
import { nodeChart, SERIES_COLOURS } from "./chart.js";
import type { PageState, Reply, Request } from "./protocol.js";

const state: PageState = { matmul: null, images: 0, model: null, records: [], ranking: [], busy: false };
window.parzc = state;

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const archBox = $<HTMLTextAreaElement>("archs");
const spacePicker = $<HTMLSelectElement>("space");
for (const name of spaceNames()) spacePicker.add(new Option(`${getSpace(name).title} (${name})`, name));
const space = () => getSpace(spacePicker.value);
const computeButton = $<HTMLButtonElement>("compute");
const rankButton = $<HTMLButtonElement>("rank");
const errorTargets: Record<Request["type"] | "init", string> = { images: "cifar-error", proxies: "proxy-error", model: "model-error", rank: "model-error", init: "model-error" };

const workerUrl = new URL("./worker.js", import.meta.url);
const matmulChoice = new URLSearchParams(location.search).get("matmul");
if (matmulChoice !== null) workerUrl.searchParams.set("matmul", matmulChoice);
const worker = new Worker(workerUrl, { type: "module" });
function send(request: Request, transfer: Transferable[] = []): void {
  $(errorTargets[request.type]).textContent = "";
  if (request.type === "proxies" || request.type === "rank") setBusy(true);
  worker.postMessage(request, transfer);
}

function setBusy(busy: boolean): void {
  state.busy = busy;
  updateButtons();
}

function validArchs(): string[] | undefined {
  const lines = checkArchLines(archBox.value, space());
  return lines.length > 0 && lines.every((line) => line.problem === null) ? lines.map((line) => line.arch) : undefined;
}

function updateButtons(): void {
  computeButton.disabled = state.busy || state.images === 0 || !validArchs();
  rankButton.disabled = state.busy || state.model === null || state.records.length === 0;
}

function showArchMessages(): void {
  const list = $("arch-messages");
  list.replaceChildren();
  const lines = checkArchLines(archBox.value, space());
  for (const { line, problem, note } of lines) {
    if (!problem && !note) continue;
    const item = document.createElement("li");
    item.className = problem ? "problem" : "note";
    item.textContent = `line ${line}: ${problem ?? note}`;
    list.append(item);
  }
  const good = lines.filter((line) => !line.problem).length;
  const summary = document.createElement("li");
  summary.textContent = `${good} architecture(s) ready${good < lines.length ? `, ${lines.length - good} to fix` : ""}`;
  list.append(summary);
  updateButtons();
}

function addArchs(archs: string[]): void {
  const text = archBox.value.trimEnd();
  archBox.value = (text ? `${text}\n` : "") + archs.join("\n");
  showArchMessages();
}

function cell(row: HTMLTableRowElement, text: string, className?: string): void {
  const td = document.createElement(row.parentElement?.tagName === "THEAD" ? "th" : "td");
  td.textContent = text;
  if (className) td.className = className;
  row.append(td);
}

function table(id: string, header: string[], rows: string[][], archColumn: number): void {
  const element = $<HTMLTableElement>(id);
  element.replaceChildren();
  const head = element.createTHead().insertRow();
  header.forEach((text, i) => cell(head, text, i === archColumn ? "arch" : undefined));
  const body = element.createTBody();
  for (const values of rows) {
    const row = body.insertRow();
    values.forEach((text, i) => cell(row, text, i === archColumn ? "arch" : undefined));
  }
}

const number = (v: number | null) => (v === null ? "undefined" : Math.abs(v) >= 1e4 || (v !== 0 && Math.abs(v) < 1e-3) ? v.toExponential(4) : v.toFixed(4));

function showRecords(records: ProxyRecord[], seconds: number): void {
  const proxies = Object.keys(records[0]?.scores ?? {});
  table("scores", ["#", "arch", ...proxies, "flags"], records.map((r, i) => [String(i + 1), r.arch, ...proxies.map((p) => number(r.scores[p])), r.flags.join(" ")]), 1);
  const body = $<HTMLTableElement>("scores").tBodies[0];
  [...body.rows].forEach((row, i) => {
    const swatch = document.createElement("span");
    swatch.className = "swatch";
    swatch.style.background = SERIES_COLOURS[i % SERIES_COLOURS.length];
    row.cells[0].prepend(swatch);
  });
  const charts = $("charts");
  charts.replaceChildren();
  for (const proxy of proxies.filter((p) => records.some((r) => r.nodes[p]))) {
    const figure = document.createElement("figure");
    const caption = document.createElement("figcaption");
    caption.textContent = `${proxy}: node-wise values`;
    figure.append(caption, nodeChart(proxy, records));
    charts.append(figure);
  }
  $("progress-text").textContent = `${records.length} architecture(s) in ${seconds.toFixed(1)} s`;
}

function onReply(reply: Reply): void {
  switch (reply.type) {
    case "ready":
      state.matmul = reply.matmul;
      $("matmul").textContent = `${reply.matmul === "wasm-simd" ? "wasm SIMD sgemm" : reply.matmul} (WebGL2: ${reply.webgl2 ? "yes" : "no"}; WebGPU: ${
        reply.webgpu ? "yes, unused: gpu.js runs WebGPU kernels asynchronously, which the model's matmul cannot wait for" : "no"})`;
      break;
    case "progress":
      $<HTMLProgressElement>("progress").value = reply.total ? reply.done / reply.total : 1;
      $("progress-text").textContent = `${reply.done}/${reply.total} architectures${reply.done < reply.total ? `: ${reply.what}` : ""}`;
      break;
    case "images":
      state.images = reply.count;
      $("cifar-status").textContent = `${reply.name}: ${reply.count} images`;
      break;
    case "proxies":
      state.records = reply.records;
      state.ranking = [];
      $("ranking").replaceChildren();
      showRecords(reply.records, reply.seconds);
      setBusy(false);
      break;
    case "model":
      state.model = reply.name;
      $("model-status").textContent = `${reply.name}: ${reply.summary}`;
      break;
    case "ranking":
      state.ranking = reply.rows;
      table("ranking", ["rank", "arch", "score (mean)", `± std (K=${reply.samples})`], reply.rows.map((r) => [String(r.rank), r.arch, r.mean.toFixed(4), r.std.toFixed(4)]), 1);
      $("progress-text").textContent = `ranked ${reply.rows.length} architecture(s) in ${reply.seconds.toFixed(2)} s`;
      setBusy(false);
      break;
    case "error":
      if (reply.request === "init") $("matmul").textContent = `the worker failed to start: ${reply.message}`;
      $(errorTargets[reply.request]).textContent = reply.message;
      if (reply.request === "proxies" || reply.request === "rank") {
        $("progress-text").textContent = "stopped";
        setBusy(false);
      }
      break;
  }
  updateButtons();
}

worker.onmessage = (event: MessageEvent<Reply>) => onReply(event.data);
worker.onerror = (event) => {
  $("model-error").textContent = `the worker failed: ${event.message}`;
  setBusy(false);
};

const preset = $<HTMLSelectElement>("preset");
/** The space's examples in the picker, and its grammar above the box. */
function showSpace(): void {
  preset.replaceChildren(new Option("add an example…", ""));
  for (const [name, arch] of Object.entries(ARCH_PRESETS[spacePicker.value] ?? {})) preset.add(new Option(name, arch));
  $("arch-grammar").textContent = `One ${space().title} architecture a line: ${space().grammar}. Lines starting with # are skipped.`;
  showArchMessages();
}
spacePicker.onchange = showSpace;
preset.onchange = () => {
  if (preset.value) addArchs([preset.value]);
  preset.value = "";
};
const random = new Random(Date.now() % 2 ** 31);
$("add-random").onclick = () => addArchs(space().sample(3, random));
archBox.oninput = showArchMessages;

const proxyList = $("proxy-list");
for (const name of proxyNames()) {
  const label = document.createElement("label");
  const box = Object.assign(document.createElement("input"), { type: "checkbox", name: "proxy", value: name, checked: (PARZC_PROXIES as readonly string[]).includes(name) });
  label.append(box, ` ${name}`);
  proxyList.append(label);
}

/** Images from a chosen file or the bundled sample (gunzipped if named .gz) into the worker; a failure shows under Images. */
async function loadImages(name: string, read: () => Promise<ArrayBuffer>): Promise<void> {
  state.images = 0;
  $("cifar-error").textContent = "";
  $("cifar-status").textContent = `reading ${name}…`;
  try {
    const bytes = await gunzipByName(name, await read());
    send({ type: "images", name, bytes }, [bytes]);
  } catch (error) {
    $("cifar-status").textContent = "no images loaded";
    $("cifar-error").textContent = error instanceof Error ? error.message : String(error);
    updateButtons();
  }
}

async function loadModel(name: string, read: () => Promise<string>): Promise<void> {
  try {
    send({ type: "model", name, text: await read() });
  } catch (error) {
    $("model-error").textContent = error instanceof Error ? error.message : String(error);
  }
}

$<HTMLInputElement>("cifar-file").onchange = (event) => {
  const file = (event.target as HTMLInputElement).files?.[0];
  if (file) void loadImages(file.name, () => file.arrayBuffer());
};
$("bundled-images").onclick = () => void loadImages(fileName(BUNDLED_IMAGES), async () => (await fetchBundled(BUNDLED_IMAGES)).arrayBuffer());

$<HTMLInputElement>("model-file").onchange = (event) => {
  const file = (event.target as HTMLInputElement).files?.[0];
  if (file) void loadModel(file.name, () => file.text());
};
$("bundled-model").onclick = () => void loadModel(fileName(BUNDLED_MODEL), async () => (await fetchBundled(BUNDLED_MODEL)).text());

computeButton.onclick = () => {
  const archs = validArchs();
  if (!archs) return;
  const proxies = [...document.querySelectorAll<HTMLInputElement>("input[name=proxy]:checked")].map((box) => box.value);
  if (proxies.length === 0) {
    $("proxy-error").textContent = "no proxy is ticked: tick at least one (the model needs grad_norm, snip and synflow).";
    return;
  }
  send({ type: "proxies", space: spacePicker.value, archs, proxies, batch: $<HTMLInputElement>("batch").valueAsNumber, seed: $<HTMLInputElement>("seed").valueAsNumber });
};

rankButton.onclick = () => send({ type: "rank", samples: $<HTMLInputElement>("samples").valueAsNumber, seed: 0 });

showSpace();
