// `parzc arch`: what the NB201 space says about an architecture (or a file of them): its
// benchmark index, parameters, FLOPs, node count, and whether it is degenerate or valid.
// Works without the data folder; only the index needs the benchmark table.
import { Command, Option } from "commander";
import { readArchFile } from "../data/archFile.js";
import { dataFile, resolveDataRoot } from "../data/paths.js";
import {
  type Nb201Arch,
  type Nb201Dataset,
  type Nb201Table,
  NB201_DATASET_NAMES,
  NB201_GRAMMAR,
  nb201,
} from "../spaces/nb201/index.js";
import { InputError } from "../util/errors.js";

interface ArchOptions {
  dataset: Nb201Dataset;
  file?: string;
  json?: boolean;
  data?: string;
}

interface ArchReport {
  arch: string;
  index: number | null;
  dataset: Nb201Dataset;
  params: number;
  flops: number;
  nodes: number;
  degenerate: boolean;
  valid: boolean;
}

const EXAMPLES = `
Examples:
  $ parzc arch '|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_3x3~2|'
  $ parzc arch '|none~0|+|none~0|none~1|+|none~0|none~1|none~2|' --dataset ImageNet16-120 --json
  $ parzc arch --file archs.txt --json     # one arch string a line; blank lines and # comments skipped`;

/** The benchmark table, or undefined when no data folder was asked for and none is found. */
function findTable(dataOption: string | undefined): Nb201Table | undefined {
  let file: string;
  try {
    file = dataFile(resolveDataRoot(dataOption), "nb201", "nb201_merged.csv");
  } catch (error) {
    if (dataOption === undefined && error instanceof InputError) return undefined;
    throw error;
  }
  return nb201.table(file);
}

function archsToReport(archArgument: string | undefined, file: string | undefined): Nb201Arch[] {
  if (archArgument !== undefined && file !== undefined) {
    throw new InputError("give either an architecture string or --file, not both.");
  }
  if (archArgument !== undefined) return [nb201.parse(archArgument)];
  if (file !== undefined) return readArchFile(nb201, file).map(nb201.parse);
  throw new InputError(
    "no architecture given: pass an arch string such as '|none~0|+|none~0|none~1|+|none~0|none~1|none~2|' " +
      "or --file FILE (see parzc arch --help).",
  );
}

function report(arch: Nb201Arch, dataset: Nb201Dataset, table: Nb201Table | undefined): ArchReport {
  const text = nb201.format(arch);
  return {
    arch: text,
    index: table ? table.indexOf(text) : null,
    dataset,
    params: nb201.params(arch, dataset) / 1e6,
    flops: nb201.flops(arch, dataset),
    nodes: nb201.nodeCount(arch),
    degenerate: nb201.isDegenerate(arch),
    valid: nb201.isValid(arch),
  };
}

function humanBlock(r: ArchReport): string {
  const rows: [string, string][] = [
    ["arch", r.arch],
    ["index", r.index === null ? "- (benchmark table not found; pass --data or set PARZC_DATA)" : String(r.index)],
    ["dataset", r.dataset],
    ["params", `${r.params} M`],
    ["flops", `${r.flops} M`],
    ["nodes", String(r.nodes)],
    ["degenerate", r.degenerate ? "yes" : "no"],
    ["valid", r.valid ? "yes" : "no"],
  ];
  const width = Math.max(...rows.map(([key]) => key.length)) + 2;
  return rows.map(([key, value]) => key.padEnd(width) + value).join("\n");
}

export function archCommand(): Command {
  return new Command("arch")
    .description(
      "Show an NB201 architecture's benchmark index, parameters (M), FLOPs (M, NB201 rule), node count, " +
        "and whether it is degenerate or valid",
    )
    .argument("[arch]", `architecture string ${NB201_GRAMMAR} (quote it: | is special to the shell)`)
    .addOption(new Option("--dataset <name>", "dataset that sizes the network").choices(NB201_DATASET_NAMES).default("cifar10"))
    .option("--file <path>", "read architecture strings from a file, one a line")
    .option("--json", "print one JSON object a line")
    .option("--data <dir>", "data folder (default: $PARZC_DATA, then the project's data/, then ../shared/data beside the repository)")
    .addHelpText("after", EXAMPLES)
    .action((archArgument: string | undefined, options: ArchOptions) => {
      const archs = archsToReport(archArgument, options.file);
      const table = findTable(options.data);
      const reports = archs.map((arch) => report(arch, options.dataset, table));
      const text = options.json ? reports.map((r) => JSON.stringify(r)).join("\n") : reports.map(humanBlock).join("\n\n");
      process.stdout.write(text + "\n");
    });
}
