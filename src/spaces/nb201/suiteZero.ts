// NB201 in NAS-Bench-Suite-Zero's files: the zero-cost JSON's layout (NASLib's op-index tuple as
// the key) and its published CIFAR-10 scores of the 9,445 valid architectures, as GRAF's repository
// committed them (nbsz_graf/nb201_zc_proxies.csv: net, net_str, then one column per proxy).
import { columnValues, readCsv } from "../../data/csv.js";
import { dataFile } from "../../data/paths.js";
import { InputError } from "../../util/errors.js";
import type { PublishedScores, SuiteZeroLayout } from "../types.js";
import { formatArch, parseArch } from "./codec.js";
import { formatNaslibTuple, naslibTupleOf } from "./conversions.js";
import type { Nb201Dataset } from "./datasets.js";
import type { Nb201Arch } from "./ops.js";

/** NB-Suite-Zero's val_accuracy is the validation accuracy at 200 epochs; these columns are ours closest to it. */
const VALIDATION_COLUMN: Record<Nb201Dataset, string> = {
  cifar10: "c10v_valid_200",
  cifar100: "c100_valtest_200",
  "ImageNet16-120": "in16_valtest_200",
};

export const nb201SuiteZero: SuiteZeroLayout<Nb201Arch> = {
  benchmark: "nasbench201",
  key: (arch) => formatNaslibTuple(naslibTupleOf(arch)),
  validation: (dataset) => VALIDATION_COLUMN[dataset as Nb201Dataset],
};

const NOT_PROXIES = new Set(["net", "net_str"]);

export function nb201PublishedScores(dataRoot: string): PublishedScores {
  const csv = readCsv(dataFile(dataRoot, "nbsz_graf", "nb201_zc_proxies.csv"));
  const proxies = csv.header.filter((name) => !NOT_PROXIES.has(name)).map((name) => [name, columnValues(csv, name)] as const);
  const archs = columnValues(csv, "net_str").map((text, row) => {
    try {
      return formatArch(parseArch(text));
    } catch (error) {
      throw new InputError(`${csv.source} line ${row + 2} looks damaged: ${(error as Error).message} Restore it from the shared data.`);
    }
  });
  const scores = new Map(archs.map((arch, row) => [arch, Object.fromEntries(proxies.map(([name, values]) => [name, Number(values[row])]))]));
  return { source: "NAS-Bench-Suite-Zero, nbsz_graf/nb201_zc_proxies.csv", scores };
}
