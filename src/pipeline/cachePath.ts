// Where a stats store goes when --out is not given: $PARZC_CACHE, else .parzc-cache/ in the
// working directory (git-ignored), one file per setting (and per shard, so shards sharing a
// folder never write the same file). The folder is checked where it is chosen: under /proc a
// mkdir -p never returns, and a file there is no folder.
import { join } from "node:path";
import { checkWritableFolder } from "../util/safeFiles.js";
import type { Shard } from "./archList.js";
import type { StatsSettings } from "./settings.js";

export function cacheFolder(env: NodeJS.ProcessEnv = process.env): string {
  const folder = env.PARZC_CACHE || ".parzc-cache";
  checkWritableFolder(folder, env.PARZC_CACHE ? "PARZC_CACHE" : "the cache folder", "Set PARZC_CACHE to a folder on a writable disk");
  return folder;
}

export function defaultStorePath(settings: StatsSettings, shard?: Shard, env: NodeJS.ProcessEnv = process.env): string {
  const { space, dataset, batch, seed, proxies } = settings;
  const shardPart = shard ? `-shard${shard.index}of${shard.count}` : "";
  return join(cacheFolder(env), `${space}-${dataset}-b${batch}-s${seed}-${proxies.join("+")}${shardPart}.store`);
}
