// The architecture box: one arch string of the chosen space a line (blank lines and # comments
// skipped), each checked with the space's own parser so a bad line gets the parser's message,
// shown under the box by line number.
import { type AnySpace, InputError } from "../src/browser.js";

export interface ArchLine {
  line: number;
  arch: string;
  /** Why the line is not an architecture, or a note (degenerate), or null. */
  problem: string | null;
  note: string | null;
}

export function checkArchLines(text: string, space: AnySpace): ArchLine[] {
  const checked: ArchLine[] = [];
  text.split("\n").forEach((raw, i) => {
    const arch = raw.trim();
    if (arch === "" || arch.startsWith("#")) return;
    try {
      const parsed = space.parse(arch);
      const note = space.isDegenerate(parsed) ? "degenerate: no path from input to output, so most proxies are undefined" : null;
      checked.push({ line: i + 1, arch: space.format(parsed), problem: null, note });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      checked.push({ line: i + 1, arch, problem: error.message, note: null });
    }
  });
  return checked;
}

/** Named examples for the picker, per space. */
export const ARCH_PRESETS: Record<string, Record<string, string>> = {
  nb201: {
    "ResNet-like (README example)": "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_3x3~2|",
    "largest (every edge a 3×3 conv)": "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|nor_conv_3x3~0|nor_conv_3x3~1|nor_conv_3x3~2|",
    "1×1 convs and pools": "|nor_conv_1x1~0|+|avg_pool_3x3~0|nor_conv_1x1~1|+|skip_connect~0|nor_conv_1x1~1|avg_pool_3x3~2|",
    "degenerate (no path to the output)": "|nor_conv_3x3~0|+|none~0|none~1|+|none~0|none~1|none~2|",
  },
  nb101: {
    "a 5-vertex cell (compact form)": "c3,mp,c1:01,02,13,14,24,34",
    "the same cell as nasbench's ModelSpec JSON": '{"matrix": [[0,1,1,0,0],[0,0,0,1,1],[0,0,0,0,1],[0,0,0,0,1],[0,0,0,0,0]], "ops": ["input","conv3x3-bn-relu","maxpool3x3","conv1x1-bn-relu","output"]}',
    "input → output only (one projection per cell)": ":01",
  },
};
