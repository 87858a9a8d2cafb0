// The NB201 arch string ⇄ op list. Strict: exactly three `+`-separated groups; group k (edges
// into node k) is `|op~0|…|op~k-1|` with sources in ascending order, as AutoDL writes them.
import { InputError } from "../../util/errors.js";
import { quoted } from "../../util/quoted.js";
import { NB201_EDGES, NB201_OPS, type Nb201Arch, type Nb201Op, isOpName } from "./ops.js";

export const NB201_GRAMMAR = "|op~0|+|op~0|op~1|+|op~0|op~1|op~2|";
const GROUP_COUNT = 3;

function badArch(text: string, problem: string): InputError {
  return new InputError(
    `bad NB201 architecture ${quoted(text)}: ${problem}. ` +
      `Expected ${NB201_GRAMMAR} with each op one of ${NB201_OPS.join(", ")}.`,
  );
}

export function parseArch(text: string): Nb201Arch {
  if (text.length === 0) throw badArch(text, "the string is empty");
  const groups = text.split("+");
  if (groups.length !== GROUP_COUNT) {
    throw badArch(text, `found ${groups.length} "+"-separated group(s), expected ${GROUP_COUNT} (edges into nodes 1, 2 and 3)`);
  }
  const ops: Nb201Op[] = [];
  groups.forEach((group, g) => {
    const node = g + 1;
    if (!(group.length >= 2 && group.startsWith("|") && group.endsWith("|"))) {
      throw badArch(text, `group ${node} ${quoted(group)} must start and end with "|"`);
    }
    const tokens = group.slice(1, -1).split("|");
    if (tokens.length !== node) {
      throw badArch(text, `group ${node} ${quoted(group)} has ${tokens.length} token(s), expected ${node} (one per edge into node ${node})`);
    }
    tokens.forEach((token, source) => {
      const where = `token ${source + 1} of group ${node}`;
      const parts = token.split("~");
      if (parts.length !== 2) throw badArch(text, `${where} ${quoted(token)} is not of the form op~source`);
      const [op, sourceText] = parts;
      if (!isOpName(op)) throw badArch(text, `unknown op ${quoted(op)} in ${where} ${quoted(token)}`);
      if (sourceText !== String(source)) {
        throw badArch(
          text,
          `${where} ${quoted(token)} has source ${quoted(sourceText)}, expected ${source} (group ${node} lists sources 0..${node - 1} in order)`,
        );
      }
      ops.push(op);
    });
  });
  return { ops };
}

export function formatArch(arch: Nb201Arch): string {
  const groups: string[][] = [[], [], []];
  NB201_EDGES.forEach((edge, p) => groups[edge.to - 1].push(`${arch.ops[p]}~${edge.from}`));
  return groups.map((tokens) => `|${tokens.join("|")}|`).join("+");
}
