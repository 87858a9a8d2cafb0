// Published proxy scores of the store's space (SearchSpace.publishedScores: NB201 NAS-Bench-Suite-Zero's,
// NB101 NASLib's), keyed by canonical arch string, so they line up with a store's records.
import { type AnySpace, type PublishedScores, getSpace, spaceNames } from "../spaces/index.js";
import { InputError } from "../util/errors.js";

export interface ReferenceScores extends PublishedScores {
  /** Every proxy the source scores. */
  readonly proxies: ReadonlySet<string>;
}

/** `store` is the stats store that holds the space, for the message when parzc holds no scores for it. */
export function loadReferenceScores(space: AnySpace, dataRoot: string, store: string): ReferenceScores {
  if (!space.publishedScores) {
    const held = spaceNames().filter((name) => getSpace(name).publishedScores);
    throw new InputError(`--reference: parzc holds published scores for ${held.join(", ")} only, but ${store} holds ${space.title} statistics (space ${space.name}); leave --reference out.`);
  }
  const published = space.publishedScores(dataRoot);
  return { ...published, proxies: new Set([...published.scores.values()].flatMap((scores) => Object.keys(scores))) };
}
