// `parzc arch`: what a space says about an architecture (or a file of them): its row in the
// benchmark table, parameters, FLOPs, node count, whether it is degenerate, and the space's own
// facts (NB201: valid; NB101: the graph hash). Works without the data folder; only the row needs
// the benchmark table.
import { Command, Option } from "commander";
import { readArchFile } from "../data/archFile.js";
import { resolveDataRoot } from "../data/paths.js";
import { type AnySpace, type BenchmarkTable, getSpace, spaceNames } from "../spaces/index.js";
import { InputError } from "../util/errors.js";

interface ArchOptions {
  space: string;
  dataset?: string;
  file?: string;
  json?: boolean;
  data?: string;
}

type ArchReport = { arch: string; space: string; index: number | null; dataset: string; params: number; flops: number; nodes: number; degenerate: boolean } & Record<string, unknown>;

const EXAMPLES = `
Examples:
  $ parzc arch '|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_3x3~2|'
  $ parzc arch '|none~0|+|none~0|none~1|+|none~0|none~1|none~2|' --dataset ImageNet16-120 --json
  $ parzc arch --space nb101 'c3,mp,c1:01,02,13,14,24,34'
  $ parzc arch --space nb101 '{"matrix": [[0,1,1],[0,0,1],[0,0,0]], "ops": ["input","conv3x3-bn-relu","output"]}'
  $ parzc arch --file archs.txt --json     # one arch string a line; blank lines and # comments skipped`;

/** The benchmark table, or undefined when no data folder was asked for and none is found (a damaged table still stops the run). */
function findTable(space: AnySpace, dataOption: string | undefined): BenchmarkTable | undefined {
  let root: string;
  try {
    root = resolveDataRoot(dataOption);
  } catch (error) {
    if (dataOption === undefined && error instanceof InputError) return undefined;
    throw error;
  }
  return space.benchmark(root);
}

function archsToReport(space: AnySpace, archArgument: string | undefined, file: string | undefined): unknown[] {
  if (archArgument !== undefined && file !== undefined) {
    throw new InputError("give either an architecture string or --file, not both.");
  }
  if (archArgument !== undefined) return [space.parse(archArgument)];
  if (file !== undefined) return readArchFile(space, file).map((arch) => space.parse(arch));
  throw new InputError(`no architecture given: pass a ${space.title} arch string such as '${space.examples[0]}' or --file FILE (see parzc arch --help).`);
}

function report(space: AnySpace, arch: unknown, dataset: string, table: BenchmarkTable | undefined): ArchReport {
  const text = space.format(arch);
  const row = table ? table.rowOf(text) : -1;
  const { params, flops } = space.cost(arch, dataset);
  return {
    arch: text,
    space: space.name,
    index: row >= 0 ? row : null,
    dataset,
    params: params / 1e6,
    flops,
    nodes: space.nodeCount(arch),
    degenerate: space.isDegenerate(arch),
    ...space.facts(arch),
  };
}

const yesNo = (value: unknown) => (value === true ? "yes" : value === false ? "no" : String(value));

function humanBlock(r: ArchReport, tableFound: boolean): string {
  const { arch, space, index, dataset, params, flops, nodes, degenerate, ...facts } = r;
  const rows: [string, string][] = [
    ["arch", arch],
    ["space", space],
    ["index", index !== null ? String(index) : tableFound ? "- (not in the benchmark table)" : "- (benchmark table not found; pass --data or set PARZC_DATA)"],
    ["dataset", dataset],
    ["params", `${params} M`],
    ["flops", `${flops} M`],
    ["nodes", String(nodes)],
    ["degenerate", yesNo(degenerate)],
    ...Object.entries(facts).map(([key, value]): [string, string] => [key, yesNo(value)]),
  ];
  const width = Math.max(...rows.map(([key]) => key.length)) + 2;
  return rows.map(([key, value]) => key.padEnd(width) + value).join("\n");
}

export function archCommand(): Command {
  return new Command("arch")
    .description("Show an architecture's benchmark index, parameters (M), FLOPs (M, the benchmark's rule), node count, whether it is degenerate, and the space's own facts")
    .argument("[arch]", "architecture string of the space (quote it: | and { are special to the shell)")
    .addOption(new Option("--space <name>", "search space").choices(spaceNames()).default("nb201"))
    .addOption(new Option("--dataset <name>", "dataset that sizes the network (default: the space's first, cifar10)").choices([...new Set(spaceNames().flatMap((name) => getSpace(name).datasets))]))
    .option("--file <path>", "read architecture strings from a file, one a line")
    .option("--json", "print one JSON object a line")
    .option("--data <dir>", "data folder (default: $PARZC_DATA, then the project's data/, then ../shared/data beside the repository)")
    .addHelpText("after", EXAMPLES)
    .action((archArgument: string | undefined, options: ArchOptions) => {
      const space = getSpace(options.space);
      const dataset = options.dataset ?? space.datasets[0];
      if (!space.datasets.includes(dataset)) {
        throw new InputError(`--dataset "${dataset}" is not one ${space.title} was trained on: expected one of ${space.datasets.join(", ")}.`);
      }
      const archs = archsToReport(space, archArgument, options.file);
      const table = findTable(space, options.data);
      const reports = archs.map((arch) => report(space, arch, dataset, table));
      const text = options.json ? reports.map((r) => JSON.stringify(r)).join("\n") : reports.map((r) => humanBlock(r, table !== undefined)).join("\n\n");
      process.stdout.write(text + "\n");
    });
}
