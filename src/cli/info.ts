// `parzc info`: what parzc runs with here (versions, wasm features, the model's matmul backend,
// the data folder), for bug reports and for checking a setup before a long run.
import { Command } from "commander";
import { environmentReport, type EnvironmentReport } from "../api/environment.js";
import { DATA_LOOKUP_ORDER, type DataRootSource } from "../data/paths.js";

interface InfoOptions {
  json?: boolean;
  data?: string;
}

const EXAMPLES = `
Examples:
  $ parzc info
  $ parzc info --json
  $ parzc info --data /mnt/parzc-data     # check a data folder before a run`;

const yesNo = (present: boolean) => (present ? "yes" : "no");

function wasmLines({ simd, threads }: EnvironmentReport["wasm"]): [string, string][] {
  const simdUse = `the kernels use it (${simd.functions} of ${simd.of} functions hold 128-bit vectors)`;
  return [
    ["wasm SIMD", simd.supported ? `supported here; ${simdUse}` : `NOT supported here, but ${simdUse}: use Node 20 or newer`],
    ["wasm threads", `${threads.supported ? "supported here" : "not supported here"} (SharedArrayBuffer ${yesNo(threads.sharedArrayBuffer)}, Atomics ${yesNo(threads.atomics)}); ` +
      `${threads.sharedMemory ? "the build uses shared memory" : "not used: the build has no shared memory, and parallel work runs one wasm instance per worker thread"}`],
  ];
}

/** Why a root was picked, after src/data/paths.ts's order: --data, PARZC_DATA, the bundled data/, ../shared/data. */
const WHY: Record<DataRootSource, string> = {
  "--data": "from --data",
  PARZC_DATA: "from PARZC_DATA",
  bundled: "the project's own data/, gzipped and checked against its manifest.json: no --data or PARZC_DATA given",
  shared: "../shared/data: no --data or PARZC_DATA given, and the project has no data/ folder",
};

function dataLine(data: EnvironmentReport["data"]): string {
  if (data.root === null) return `none found. ${data.problem}`;
  const folders = Object.entries(data.folders).map(([name, present]) => `${name}/ ${yesNo(present)}`).join(", ");
  return `${data.root} (${WHY[data.via]}); ${folders}`;
}

function humanReport(report: EnvironmentReport): string {
  const { assemblyscript } = report;
  const rows: [string, string][] = [
    ["parzc", report.parzc],
    ["node", `${report.node} (V8 ${report.v8})`],
    ["assemblyscript", assemblyscript.installed ? `${assemblyscript.version} (builds build/parzc.wasm)` : `${assemblyscript.version} (declared in package.json; the compiler is not installed here, the package ships build/parzc.wasm)`],
    ...Object.entries(report.dependencies).map(([name, version]): [string, string] => [name, version ?? "not installed"]),
    ...wasmLines(report.wasm),
    ["matmul backend", `${report.matmul.backend} (${report.matmul.device}): ${report.matmul.reason}`],
    ["data root", dataLine(report.data)],
  ];
  const width = Math.max(...rows.map(([name]) => name.length)) + 2;
  return rows.map(([name, value]) => name.padEnd(width) + value).join("\n") + "\n";
}

export function infoCommand(): Command {
  return new Command("info")
    .description("Show versions (parzc, Node, AssemblyScript, commander, piscina, gpu.js), the wasm features in use, the matmul backend the model would pick and the data folder found")
    .option("--json", "print the report as one JSON object")
    .option("--data <dir>", `data folder to check (parzc looks at ${DATA_LOOKUP_ORDER})`)
    .addHelpText("after", EXAMPLES)
    .action(async (options: InfoOptions) => {
      const report = await environmentReport(options.data);
      process.stdout.write(options.json ? JSON.stringify(report) + "\n" : humanReport(report));
    });
}
