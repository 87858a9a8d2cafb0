// Defaults that depend on the training-set size. With batch 10, 78 architectures give 8 steps an
// epoch (1,600 in 200 epochs) and a noisy, seed-dependent fit: there a higher learning rate and an
// ensemble of independently initialised members (training 78 × 4 costs what 312 architectures
// cost) lift the held-out Kendall τ on validation accuracy (bench/RESULTS.md, "ParZC protocol,
// final"). From SMALL_TRAIN_SIZE on, the defaults of parzc-method.md §4 stand.

/** Training sets smaller than this get the small-data defaults (78 of NB201's protocol does, 156 does not). */
export const SMALL_TRAIN_SIZE = 120;

export const SMALL_DATA = { lr: 1e-3, members: 4 };
export const LARGE_DATA = { lr: 3e-4, members: 1 };

export function sizeDefaults(trainSize: number): { lr: number; members: number } {
  return trainSize < SMALL_TRAIN_SIZE ? { ...SMALL_DATA } : { ...LARGE_DATA };
}
