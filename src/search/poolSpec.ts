// Which architectures `parzc search` ranks: --pool all | benchmark | sample:N | file:PATH, the same forms as
// `parzc stats --archs`, with messages that name --pool.
import { type ArchSpec, parseArchSpec } from "../pipeline/archList.js";
import { InputError } from "../util/errors.js";
import { quoted } from "../util/quoted.js";

export function parsePoolSpec(text: string): ArchSpec {
  let spec: ArchSpec;
  try {
    spec = parseArchSpec(text);
  } catch {
    throw new InputError(`--pool ${quoted(text)} is not understood: expected all (every architecture of the space), benchmark (those of its benchmark table), sample:N (N seeded by --seed, e.g. sample:1000) or file:PATH (one arch string a line).`);
  }
  if (spec.kind === "sample" && spec.count < 1) throw new InputError(`--pool ${quoted(text)} is empty: expected sample:N with N >= 1.`);
  return spec;
}
