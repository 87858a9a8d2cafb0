// The macro skeleton around the cell (AutoDL TinyNetwork, C=16, N=5; spec §A.2): a stem conv,
// three stages of five cells, a stride-2 residual block between stages, then BN-ReLU-pool-linear.
import { type Nb201Dataset, nb201Dataset } from "./datasets.js";

export const STEM_CHANNELS = 16;
export const CELLS_PER_STAGE = 5;
export const STAGE_COUNT = 3;

export interface Stage {
  /** Channels of every cell in the stage (16, 32, 64). */
  readonly channels: number;
  /** Spatial side of the stage's feature maps (H, H/2, H/4). */
  readonly side: number;
}

export function stagesOf(dataset: Nb201Dataset): Stage[] {
  const { inputSide } = nb201Dataset(dataset);
  return Array.from({ length: STAGE_COUNT }, (_, s) => ({ channels: STEM_CHANNELS << s, side: inputSide >> s }));
}
