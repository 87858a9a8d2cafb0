// Viridis (matplotlib's perceptually uniform colour map), sampled at 9 stops and interpolated
// linearly: dark purple for low values, yellow for high. Stops from matplotlib's _cm_listed.py.
const STOPS: readonly (readonly [number, number, number])[] = [
  [68, 1, 84], [71, 44, 122], [59, 81, 139], [44, 113, 142], [33, 144, 141],
  [39, 173, 129], [92, 200, 99], [170, 220, 50], [253, 231, 37],
];

/** The colour at t in [0, 1] (clamped; NaN gives the lowest colour) as #rrggbb. */
export function viridis(t: number): string {
  const clamped = Number.isFinite(t) ? Math.min(1, Math.max(0, t)) : 0;
  const position = clamped * (STOPS.length - 1);
  const i = Math.min(STOPS.length - 2, Math.floor(position));
  const f = position - i;
  return "#" + STOPS[i].map((c, k) => Math.round(c + f * (STOPS[i + 1][k] - c)).toString(16).padStart(2, "0")).join("");
}
