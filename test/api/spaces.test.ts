// The library on a second space: ParZC.train takes the space of records from `space` (a store names
// its own), learns the space's default target, and its model refuses statistics of another space.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { ParZC, getSpace, type ProxyRecord } from "../../src/index.js";
import { bundledDataRoot } from "../../src/data/paths.js";
import type { StatsSettings } from "../../src/pipeline/settings.js";
import { StatsStore } from "../../src/pipeline/store.js";
import { Random } from "../../src/util/random.js";
import { rejectsInputError } from "../helpers/rejectsInputError.js";

const scratch = mkdtempSync(join(tmpdir(), "parzc-api-spaces-"));
const nb101 = getSpace("nb101");
const nb201 = getSpace("nb201");
const PROXIES = ["grad_norm", "snip", "synflow"];
const quiet = () => {};
const SMALL = { trainSize: 20, seed: 1, epochs: 1, config: { width: 8, depth: 1, members: 1 }, warn: quiet };
const ONE_THREAD = { samples: 2, workers: 1, warn: quiet };

function records(archs: readonly string[], space = nb101): ProxyRecord[] {
  const random = new Random(2);
  return archs.map((arch) => ({
    arch,
    nodes: Object.fromEntries(PROXIES.map((proxy) => [proxy, Float64Array.from({ length: space.nodeCount(space.parse(arch)) }, () => random.uniform())])),
    scores: {},
    flags: [],
  }));
}

/** A store of `space` holding `archs`, as `parzc stats` would write it. */
function storeOf(name: string, space: typeof nb101, archs: readonly string[]): string {
  const path = join(scratch, name);
  const settings: StatsSettings = { space: space.name, dataset: "cifar10", proxies: PROXIES, batch: 2, seed: 0 };
  const table = space.benchmark(bundledDataRoot());
  const store = StatsStore.write(path, settings, quiet);
  for (const record of records(archs, space)) {
    const nodes = Object.fromEntries(Object.entries(record.nodes).map(([proxy, values]) => [proxy, Array.from(values)]));
    store.append({ arch: record.arch, index: table.rowOf(record.arch), scores: { grad_norm: 1, snip: 1, synflow: 1 }, nodes, flags: [] });
  }
  store.close();
  return path;
}

const table = nb101.benchmark(bundledDataRoot());
const cells = Array.from({ length: 40 }, (_, row) => table.archAt(row));
let model: ParZC;

test.before(async () => {
  model = await ParZC.train(records(cells), { ...SMALL, space: "nb101" });
});

test.after(() => rmSync(scratch, { recursive: true, force: true }));

test("records of NB101 train a model of nb101 on test_accuracy, whose file names its space and loads back alike", async () => {
  assert.is(model.space, "nb101");
  assert.is(model.target.column, "test_accuracy");
  assert.is(model.encoding.maxNodes, nb101.maxNodes);
  assert.equal([model.config.archEncoder!.tokens, model.config.archEncoder!.ops], [7, 5]);
  const path = join(scratch, "m.json");
  model.save(path);
  assert.is(JSON.parse(readFileSync(path, "utf8")).space, "nb101");
  const loaded = await ParZC.load(path);
  assert.is(loaded.space, "nb101");
  assert.equal(Array.from((await loaded.predict(records(cells), ONE_THREAD)).mean), Array.from((await model.predict(records(cells), ONE_THREAD)).mean));
  assert.is((await model.evaluate(records(cells), ONE_THREAD)).n, 20);
});

test("a model file naming an unknown space, or a space whose cells its encoder does not fit, is refused", async () => {
  const document = model.toJSON();
  await rejectsInputError(ParZC.fromJSON({ ...document, space: "nb999" }, "m.json"), "m.json: unknown search space", "nb201, nb101");
  await rejectsInputError(ParZC.fromJSON({ ...document, space: "nb201" }, "m.json"), "m.json: model config: the architecture encoder reads cells of 7 tokens over 5 ops", "NAS-Bench-201 (nb201) cells have 6 tokens");
});

test("a store of NB101 trains without `space`; a `space` it contradicts is refused", async () => {
  const store = storeOf("nb101.store", nb101, cells);
  assert.is((await ParZC.train(store, SMALL)).space, "nb101");
  await rejectsInputError(ParZC.train(store, { ...SMALL, space: "nb201" }), "space nb201 was asked for", "NAS-Bench-101 statistics (space nb101)");
});

test("a model refuses a store of another space, naming both; a model file without a space is NB201's", async () => {
  const nb201Store = storeOf("nb201.store", nb201, nb201.sample(5, new Random(3)));
  await rejectsInputError(model.predict(nb201Store, ONE_THREAD), `${nb201Store} holds NAS-Bench-201 statistics (space nb201)`, "the model was trained on NAS-Bench-101 (space nb101)");
  await rejectsInputError(model.evaluate(nb201Store, ONE_THREAD), "space nb201", "space nb101");
  const legacy = await ParZC.load(join(bundledDataRoot(), "models", "nb201-web-small.json"));
  assert.is(legacy.space, "nb201");
  assert.equal([legacy.config.archEncoder!.tokens, legacy.config.archEncoder!.ops], [6, 5]);
  assert.is((await legacy.predict(nb201Store, ONE_THREAD)).archs.length, 5);
});

test.run();
