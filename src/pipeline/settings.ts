// What a stats store is keyed by besides the architecture: one store holds one setting of
// (space, dataset, proxy set, batch, seed), so records from different settings never mix.
export interface StatsSettings {
  space: string;
  dataset: string;
  /** The proxy set, in the order the run asked for; compared as a set. */
  proxies: string[];
  batch: number;
  seed: number;
}

export interface SettingDifference {
  /** The CLI flag that sets it, e.g. "--seed". */
  flag: string;
  ours: string;
  theirs: string;
}

const SETTING_NAMES = ["space", "dataset", "proxies", "batch", "seed"] as const;

function shown(settings: StatsSettings, name: (typeof SETTING_NAMES)[number]): string {
  return name === "proxies" ? [...settings.proxies].sort().join(",") : String(settings[name]);
}

/** The first setting in which `theirs` differs from `ours`, or undefined when they agree. */
export function settingDifference(ours: StatsSettings, theirs: StatsSettings): SettingDifference | undefined {
  for (const name of SETTING_NAMES) {
    if (shown(ours, name) !== shown(theirs, name)) return { flag: `--${name}`, ours: shown(ours, name), theirs: shown(theirs, name) };
  }
  return undefined;
}
