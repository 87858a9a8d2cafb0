// The architecture box: one NB201 string a line (blank lines and # comments skipped), each checked
// with nb201.parse so a bad line gets the parser's own message, shown under the box by line number.
import { InputError, nb201 } from "../src/browser.js";

export interface ArchLine {
  line: number;
  arch: string;
  /** Why the line is not an architecture, or a note (degenerate), or null. */
  problem: string | null;
  note: string | null;
}

export function checkArchLines(text: string): ArchLine[] {
  const checked: ArchLine[] = [];
  text.split("\n").forEach((raw, i) => {
    const arch = raw.trim();
    if (arch === "" || arch.startsWith("#")) return;
    try {
      const parsed = nb201.parse(arch);
      const note = nb201.isDegenerate(parsed) ? "degenerate: no path from input to output, so most proxies are undefined" : null;
      checked.push({ line: i + 1, arch: nb201.format(parsed), problem: null, note });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      checked.push({ line: i + 1, arch, problem: error.message, note: null });
    }
  });
  return checked;
}

/** Named examples for the picker. */
export const ARCH_PRESETS: Record<string, string> = {
  "ResNet-like (README example)": "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_3x3~2|",
  "largest (every edge a 3×3 conv)": nb201.largest,
  "1×1 convs and pools": "|nor_conv_1x1~0|+|avg_pool_3x3~0|nor_conv_1x1~1|+|skip_connect~0|nor_conv_1x1~1|avg_pool_3x3~2|",
  "degenerate (no path to the output)": "|nor_conv_3x3~0|+|none~0|none~1|+|none~0|none~1|none~2|",
};
