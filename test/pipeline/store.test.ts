import { appendFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import type { StatsSettings } from "../../src/pipeline/settings.js";
import { type ArchRecord, StatsStore } from "../../src/pipeline/store.js";
import { throwsInputError } from "../helpers/inputError.js";

const scratch = mkdtempSync(join(tmpdir(), "parzc-store-"));
const SETTINGS: StatsSettings = { space: "nb201", dataset: "cifar10", proxies: ["grad_norm", "snip"], batch: 4, seed: 0 };
let files = 0;
const freshPath = () => join(scratch, `s${files++}.store`);

function record(index: number): ArchRecord {
  return { arch: `arch-${index}`, index, scores: { grad_norm: index + 0.1, snip: null }, nodes: { grad_norm: [index, NaN, 0.5] as number[] }, flags: ["undefined:snip"] };
}

function storeWith(count: number, path = freshPath()): string {
  const store = StatsStore.write(path, SETTINGS);
  for (let i = 0; i < count; i++) store.append(record(i));
  store.close();
  return path;
}

function warnings(): { warn: (message: string) => void; seen: string[] } {
  const seen: string[] = [];
  return { warn: (message) => seen.push(message), seen };
}

test("records come back in index order, non-finite node values as null", () => {
  const path = freshPath();
  const store = StatsStore.write(path, SETTINGS);
  for (const index of [5, 2, 9]) store.append(record(index));
  store.close();
  const read = [...StatsStore.read(path).records()];
  assert.equal(read.map((r) => r.index), [2, 5, 9]);
  assert.equal(read[0], { ...record(2), nodes: { grad_norm: [2, null, 0.5] } });
});

test("an architecture is appended once; a failure stands until it succeeds", () => {
  const path = freshPath();
  const store = StatsStore.write(path, SETTINGS);
  assert.ok(store.append({ arch: "arch-1", index: 1, failed: "boom" }));
  assert.equal(store.failed(), [{ arch: "arch-1", index: 1, failed: "boom" }]);
  assert.ok(store.append(record(1)));
  assert.not.ok(store.append(record(1)));
  assert.not.ok(store.append({ arch: "arch-1", index: 1, failed: "late" }));
  store.close();
  const reopened = StatsStore.read(path);
  assert.equal([reopened.count, reopened.failed()], [1, []]);
});

test("a torn final record is warned about, cut off, and leaves the others intact", () => {
  const path = storeWith(3);
  const whole = readFileSync(path, "utf8");
  const lastLine = whole.slice(whole.lastIndexOf("\n", whole.length - 2) + 1);
  writeFileSync(path, whole.slice(0, whole.length - lastLine.length) + lastLine.slice(0, lastLine.length >> 1));
  const { warn, seen } = warnings();
  const store = StatsStore.write(path, SETTINGS, warn);
  assert.is(store.count, 2);
  assert.not.ok(store.has("arch-2"));
  assert.is(seen.length, 1);
  assert.match(seen[0], /dropped a torn last record \(line 4/);
  assert.is(statSync(path).size, whole.length - lastLine.length);
  store.append(record(2));
  store.close();
  assert.is(readFileSync(path, "utf8"), whole);
});

test("a complete last line with a bad checksum is damaged, not torn: skipped with a warning and kept for repair", () => {
  const path = storeWith(2);
  appendFileSync(path, `00000000 ${JSON.stringify(record(7))}\n`);
  const size = statSync(path).size;
  const { warn, seen } = warnings();
  const store = StatsStore.write(path, SETTINGS, warn);
  store.close();
  assert.is(store.count, 2);
  assert.is(seen.length, 1);
  assert.match(seen[0], /skipped 1 damaged line\(s\) \(line 4\).*parzc stats repair/);
  assert.is(statSync(path).size, size);
});

test("a reader ignores a torn tail without cutting it (a run may be writing it)", () => {
  const path = storeWith(2);
  appendFileSync(path, "1234abcd {\"arch\":");
  const size = statSync(path).size;
  const { warn, seen } = warnings();
  assert.is(StatsStore.read(path, warn).count, 2);
  assert.match(seen[0], /incomplete last record/);
  assert.is(statSync(path).size, size);
});

test("a damaged line before the end is skipped with one warning; the records after it stay", () => {
  const path = storeWith(3);
  const lines = readFileSync(path, "utf8").split("\n");
  lines[2] = lines[2].replace("arch-1", "arch-X");
  writeFileSync(path, lines.join("\n"));
  const { warn, seen } = warnings();
  assert.equal([...StatsStore.read(path, warn).records()].map((r) => r.arch), ["arch-0", "arch-2"]);
  assert.equal(seen, [`${path}: skipped 1 damaged line(s) (line 3) that fail their checksum or hold no record; what they held is left out. Run \`parzc stats repair ${path}\` to set them aside and keep every good record.`]);
});

const CHANGES: [string, Partial<StatsSettings>, string][] = [
  ["seed", { seed: 1 }, "--seed 0, not --seed 1"],
  ["batch", { batch: 16 }, "--batch 4, not --batch 16"],
  ["proxy set", { proxies: ["grad_norm", "synflow"] }, "--proxies grad_norm,snip, not --proxies grad_norm,synflow"],
  ["dataset", { dataset: "cifar100" }, "--dataset cifar10, not --dataset cifar100"],
];
for (const [name, change, flag] of CHANGES) {
  test(`a store written with another ${name} is refused, naming the setting and the fix`, () => {
    const path = storeWith(1);
    throwsInputError(() => StatsStore.write(path, { ...SETTINGS, ...change }), `stats store ${path} holds ${flag}`, "pass a new --out");
  });
}

test("the proxy set compares as a set", () => {
  const path = storeWith(1);
  const store = StatsStore.write(path, { ...SETTINGS, proxies: ["snip", "grad_norm"] });
  store.close();
  assert.is(store.count, 1);
});

test("a file that is not a store is refused", () => {
  const path = join(scratch, "export.jsonl");
  writeFileSync(path, '{"arch":"x"}\n');
  throwsInputError(() => StatsStore.read(path), "is not a parzc stats store", "parzc stats import");
  throwsInputError(() => StatsStore.read(join(scratch, "missing.store")), "does not exist");
});

test.after(() => rmSync(scratch, { recursive: true }));

test.run();
