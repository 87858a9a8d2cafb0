// The warning for NaN/Inf features names the proxy, how many architectures, why the values became
// NaN and what reading them as 0 does to the prediction (it used to say only "918 NaN/Inf feature
// value(s) were read as 0"). A real store: degenerate cells with all-zero node vectors (what the
// demo's 12 masked architectures of 600 are), a synflow node stored as null, a constant snip vector.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { encodeForModel } from "../../src/api/inputs.js";
import { specEncoding } from "../../src/api/modelSpec.js";
import type { StatsSettings } from "../../src/pipeline/settings.js";
import { loadStats } from "../../src/pipeline/statsData.js";
import { StatsStore } from "../../src/pipeline/store.js";
import { nb201 } from "../../src/spaces/nb201/index.js";

const scratch = mkdtempSync(join(tmpdir(), "parzc-probe-masked-"));
const SETTINGS: StatsSettings = { space: "nb201", dataset: "cifar10", proxies: ["grad_norm", "snip", "synflow"], batch: 16, seed: 0 };
const DEGENERATE = ["|none~0|+|nor_conv_3x3~0|none~1|+|none~0|nor_conv_3x3~1|none~2|", "|none~0|+|avg_pool_3x3~0|none~1|+|none~0|none~1|none~2|"];
const NULL_SYNFLOW = "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|nor_conv_3x3~0|nor_conv_3x3~1|nor_conv_3x3~2|";
const CONSTANT_SNIP = "|skip_connect~0|+|skip_connect~0|skip_connect~1|+|skip_connect~0|skip_connect~1|skip_connect~2|";
const PLAIN = ["|nor_conv_1x1~0|+|skip_connect~0|nor_conv_3x3~1|+|avg_pool_3x3~0|none~1|nor_conv_3x3~2|", "|avg_pool_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+|none~0|skip_connect~1|nor_conv_3x3~2|"];

function store(): string {
  const path = join(scratch, "masked.store");
  const out = StatsStore.write(path, SETTINGS, () => {});
  for (const arch of [...DEGENERATE, NULL_SYNFLOW, CONSTANT_SNIP, ...PLAIN]) {
    const count = nb201.nodeCount(nb201.parse(arch));
    const degenerate = DEGENERATE.includes(arch);
    const nodes = Object.fromEntries(SETTINGS.proxies.map((proxy) => [proxy, Array.from({ length: count }, (_, i): number | null => {
      if (degenerate) return 0;
      if (arch === NULL_SYNFLOW && proxy === "synflow" && i === 3) return null;
      return arch === CONSTANT_SNIP && proxy === "snip" ? 0.5 : i + 1;
    })]));
    out.append({ arch, index: nb201.table().indexOf(arch), scores: {}, nodes, flags: degenerate ? ["degenerate"] : [] });
  }
  out.close();
  return path;
}

test("one warning per proxy group: the count of architectures, the cause, and the effect on the prediction", () => {
  const path = store();
  const warnings: string[] = [];
  const encoded = encodeForModel(loadStats(path), specEncoding(nb201), path, (message) => warnings.push(message));
  assert.is(encoded.archs.length, 6);
  // snip's constant vector and synflow's null set them apart, so each proxy has its own line.
  assert.is(warnings.length, 3, warnings.join("\n"));
  const [gradNorm, snip, synflow] = ["grad_norm: ", "snip: ", "synflow: "].map((start) => warnings.filter((w) => w.startsWith(start)));
  // Degenerate cells: every proxy 0 on every node, so the whole node encoding is 0.
  assert.match(gradNorm[0], /^grad_norm: 2 of 6 architectures have no input→output path \(flagged degenerate\): nothing reaches their weights, so every node value is 0 and ParZC's per-architecture min–max scaling of a constant vector gives 0\/0 = NaN; the 46 value\(s\) are read as 0, as ParZC's code does\. Their node features are then all 0, so ParZC predicts them from its other inputs alone/);
  const snipCount = nb201.nodeCount(nb201.parse(CONSTANT_SNIP));
  assert.match(snip[0], new RegExp(`^snip: 2 of 6 architectures have no input→output path .*; 1 of 6 architectures have all node values equal .*the ${46 + snipCount} value\\(s\\) are read as 0`));
  assert.match(snip[0], /For those architectures the prediction rests on the other proxies' values\./, "the constant snip vector leaves grad_norm and synflow");
  assert.match(synflow[0], /^synflow: 2 of 6 architectures have no input→output path .*; 1 of 6 architectures have NaN\/Inf node values in the stats \(the proxy is undefined on those nodes\).*the 47 value\(s\) are read as 0.*Where some values are NaN\/Inf, the prediction rests on the node values that are left\./);
  rmSync(path);
});

test("proxies masked on the same architectures for the same reason share one line", () => {
  const path = join(scratch, "degenerate.store");
  const out = StatsStore.write(path, SETTINGS, () => {});
  for (const arch of [...DEGENERATE, ...PLAIN]) {
    const count = nb201.nodeCount(nb201.parse(arch));
    const degenerate = DEGENERATE.includes(arch);
    out.append({ arch, index: nb201.table().indexOf(arch), scores: {}, nodes: Object.fromEntries(SETTINGS.proxies.map((proxy) => [proxy, Array.from({ length: count }, (_, i) => (degenerate ? 0 : i))])), flags: degenerate ? ["degenerate"] : [] });
  }
  out.close();
  const warnings: string[] = [];
  encodeForModel(loadStats(path), specEncoding(nb201), path, (message) => warnings.push(message));
  assert.is(warnings.length, 1, warnings.join("\n"));
  assert.match(warnings[0], /^grad_norm, snip, synflow: 2 of 4 architectures have no input→output path \(flagged degenerate\).*the 46 value\(s\) of each proxy are read as 0/);
});

test.after(() => rmSync(scratch, { recursive: true, force: true }));
test.run();
