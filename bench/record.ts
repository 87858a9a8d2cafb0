// Benchmarks write their latest results into bench/RESULTS.md themselves: each owns one block,
// fenced by HTML comments, which a rerun replaces (or appends the first time). The block names
// the command, the date and the machine, so a number in RESULTS always says where it came from.
import { readFileSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";

const RESULTS = new URL("./RESULTS.md", import.meta.url);

export const recording = (): boolean => !process.argv.includes("--no-record");

export function machine(): string {
  const cores = cpus();
  return `${cores.length}-core ${cores[0]?.model.trim() ?? "unknown CPU"}, Node ${process.version}`;
}

/** Replace (or append) the block `name` of bench/RESULTS.md with a titled, dated section. */
export function recordResults(name: string, title: string, command: string, markdown: string): void {
  const [open, close] = [`<!-- bench:${name} -->`, `<!-- /bench:${name} -->`];
  const date = new Date().toISOString().slice(0, 10);
  const block = `${open}\n## ${title} — \`${command}\` (${date}, ${machine()})\n\n${markdown.trim()}\n${close}`;
  const text = readFileSync(RESULTS, "utf8");
  const [start, end] = [text.indexOf(open), text.indexOf(close)];
  const updated = start >= 0 && end > start ? text.slice(0, start) + block + text.slice(end + close.length) : `${text.trimEnd()}\n\n${block}\n`;
  writeFileSync(RESULTS, updated);
  console.error(`recorded in bench/RESULTS.md (block ${name}; --no-record to skip)`);
}
