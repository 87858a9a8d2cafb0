// 3×3, stride-1, pad-1 convolution (no bias) on CNHW activations by Winograd F(4×4, 3×3)
// (Lavin & Gray, CVPR 2016; transforms in winogradTransforms.ts). Each 4×4 output tile comes from
// a 6×6 input patch, so the sum over channels splits into 36 independent GEMMs over tiles,
// M_p[tiles × O] = V_p[tiles × C]·U_p[O × C]ᵀ for p < 36: 4× fewer multiplies than im2col.
// The transforms work on a v128 of channels at once (4 f32 or 2 f64, one per lane), so channels
// are innermost, padded to whole vectors (C', O'), and each tile's or filter's 36 points sit
// together: V[tiles][36][C'], M[tiles][36][O'], U[O][36][C'] (gemm takes point p with leading
// dimension 36·C'), so a transform writes one small region rather than 36 far-apart ones. Tiles
// run in blocks of whole tile rows (an image's 4 output rows) so that a block's V and M stay in
// L2 between the transforms and gemm. F(4, 3) is chosen over F(2, 3) for its 4× (not 2.25×)
// saving; test/kernels/winograd.test.ts bounds its f32 error.
// Generic over T = f32 | f64; each export has an F64 twin.
import { gemm, gemmPackedB, packB, packedBElements } from "./gemm";
import { accumulateOf } from "./elementwise";
import { at, lanes, transposeBlock } from "./lanes";
import { DATA, FILTER, FILTER_GRAD, OUTPUT, OUTPUT_GRAD, transform2d } from "./winogradTransforms";

const POINTS = 36; // a 6×6 transform domain
const BLOCK_BYTES = 512 << 10; // a block's V and M together: half the 1 MiB L2
// ...but never fewer tiles than this (or all there are): wide layers (NB101's 256 and 512 channels)
// would fit 2–8 tiles in BLOCK_BYTES, and the filter gradient's GEMM over so few tiles spends its
// time reading and writing dU. Every NB201 layer already fits 14 or more (f64) and 28 (f32), so
// its numbers do not change: the filter gradient sums over the blocks in order.
const MIN_BLOCK_TILES = 12;
const tile = memory.data(16 * 16, 16); // one transformed output tile [4 rows][4 columns] of vectors, or a filter [3][3]

/** n rounded up to whole vectors of T. */
@inline
function padded<T>(n: i32): i32 {
  return (n + lanes<T>() - 1) & -lanes<T>();
}

/** Tile rows per block; tileRows = N·⌈H/4⌉. */
@inline
function blockRows<T>(C: i32, O: i32, tilesX: i32, tileRows: i32): i32 {
  const fitting = BLOCK_BYTES / (sizeof<T>() * POINTS * tilesX * (padded<T>(C) + padded<T>(O)));
  return min(tileRows, max(fitting, (MIN_BLOCK_TILES + tilesX - 1) / tilesX));
}

/** Width of a strip of input rows: 4·tilesX + 4 (the pad column, then slack to a multiple of 4). */
@inline
function stripWidth(tilesX: i32): i32 {
  return 4 * tilesX + 4;
}

/** Elements of the transformed filters U[O][36][C'] (or [C][36][O'] for the input gradient). */
@inline
function filterElements<T>(C: i32, O: i32): i32 {
  return POINTS * max(O * padded<T>(C), C * padded<T>(O));
}

/** The 36 transformed filters packed as gemm's B (either direction), one point after another. */
@inline
function packedFilterElements<T>(C: i32, O: i32): i32 {
  return POINTS * max(packedBElements<T>(C, O), packedBElements<T>(O, C));
}

function scratchElements<T>(C: i32, N: i32, H: i32, W: i32, O: i32): i32 {
  const tilesX = (W + 3) >> 2, rows = blockRows<T>(C, O, tilesX, N * ((H + 3) >> 2));
  // U, U packed, a block's V and M, then one tile row's strips: interleaved input rows, or output rows.
  const widest = max(padded<T>(C), padded<T>(O));
  return filterElements<T>(C, O) + packedFilterElements<T>(C, O) + POINTS * rows * tilesX * (padded<T>(C) + padded<T>(O))
    + widest * max(6 * stripWidth(tilesX), 16 * tilesX);
}

/** Called by the TS side to size the scratch of the two kernels below, in elements, for C→O channels on N×H×W. */
export function winogradScratchFloats(C: i32, N: i32, H: i32, W: i32, O: i32): i32 {
  return scratchElements<f32>(C, N, H, W, O);
}
export function winogradScratchFloatsF64(C: i32, N: i32, H: i32, W: i32, O: i32): i32 {
  return scratchElements<f64>(C, N, H, W, O);
}

/**
 * Called by the engine's Conv2d forward (k = 3, stride 1, pad 1): reads x[C][N][H][W] and
 * w[O][C][3][3], writes y[O][N][H][W]. scratch holds winogradScratchFloats(C, N, H, W, O) elements.
 */
function forward<T>(x: usize, w: usize, C: i32, N: i32, H: i32, W: i32, O: i32, y: usize, scratch: usize): void {
  const packed = scratch + at<T>(filterElements<T>(C, O)), blocks = packed + at<T>(packedFilterElements<T>(C, O));
  transformFilters<T>(w, O, C, C, 1, false, scratch);
  packFilters<T>(scratch, C, O, packed);
  walkTiles<T>(CONVOLVE, x, C, N, H, W, O, packed, false, y, blocks);
}
export function winogradConv3x3Forward(x: usize, w: usize, C: i32, N: i32, H: i32, W: i32, O: i32, y: usize, scratch: usize): void {
  forward<f32>(x, w, C, N, H, W, O, y, scratch);
}
export function winogradConv3x3ForwardF64(x: usize, w: usize, C: i32, N: i32, H: i32, W: i32, O: i32, y: usize, scratch: usize): void {
  forward<f64>(x, w, C, N, H, W, O, y, scratch);
}

/**
 * Called by the engine's Conv2d backward: reads x, w and dy[O][N][H][W]; accumulates dx += ∂L/∂x
 * when dx ≠ 0 and dw += ∂L/∂w when dw ≠ 0. scratch as for the forward. The input gradient is dy
 * convolved with the flipped, transposed filters; the filter gradient is the forward's adjoint in
 * the transform domain: dU_p = Σ_tiles M'_pᵀ·V_p with M' = A·dy·Aᵀ per tile, then dw += Gᵀ·dU·G.
 */
function backward<T>(x: usize, w: usize, dy: usize, C: i32, N: i32, H: i32, W: i32, O: i32, dx: usize, dw: usize, scratch: usize): void {
  const packed = scratch + at<T>(filterElements<T>(C, O)), blocks = packed + at<T>(packedFilterElements<T>(C, O));
  if (dx != 0) {
    transformFilters<T>(w, C, O, 1, C, true, scratch);
    packFilters<T>(scratch, O, C, packed);
    walkTiles<T>(CONVOLVE, dy, O, N, H, W, C, packed, true, dx, blocks);
  }
  if (dw != 0) {
    walkTiles<T>(FILTER_GRADIENT, x, C, N, H, W, O, scratch, false, dy, blocks);
    transformFilterGradients<T>(scratch, O, C, dw);
  }
}
export function winogradConv3x3Backward(x: usize, w: usize, dy: usize, C: i32, N: i32, H: i32, W: i32, O: i32, dx: usize, dw: usize, scratch: usize): void {
  backward<f32>(x, w, dy, C, N, H, W, O, dx, dw, scratch);
}
export function winogradConv3x3BackwardF64(x: usize, w: usize, dy: usize, C: i32, N: i32, H: i32, W: i32, O: i32, dx: usize, dw: usize, scratch: usize): void {
  backward<f64>(x, w, dy, C, N, H, W, O, dx, dw, scratch);
}

/**
 * U[i][p][j] (rows padded(J) long) = G·g·Gᵀ for the I×J filters g at w + (i·strideI + j·strideJ)·9
 * elements, each rotated by 180° when flip.
 */
function transformFilters<T>(w: usize, I: i32, J: i32, strideI: i32, strideJ: i32, flip: bool, U: usize): void {
  const rowLength = padded<T>(J), pointBytes = at<T>(rowLength), filterBytes = at<T>(strideJ * 9);
  for (let i = 0; i < I; i++) {
    for (let j = 0; j < J; j += lanes<T>()) {
      // Lane l of tile[k] is tap k of filter (i, j + l): whole vectors of taps transposed, lanes past J zero.
      const first = w + at<T>((i * strideI + j * strideJ) * 9);
      if (j + lanes<T>() <= J) {
        for (let k = 0; k + lanes<T>() <= 9; k += lanes<T>()) transposeBlock<T>(first + at<T>(k), filterBytes, tile + (<usize>k << 4), 16);
        for (let l = 0; l < lanes<T>(); l++) store<T>(tile + (8 << 4) + at<T>(l), load<T>(first + <usize>l * filterBytes + at<T>(8)));
      } else {
        for (let l = 0; l < lanes<T>(); l++) {
          for (let k = 0; k < 9; k++) store<T>(tile + (<usize>k << 4) + at<T>(l), j + l < J ? load<T>(first + <usize>l * filterBytes + at<T>(k)) : 0);
        }
      }
      // The flipped filter is the same taps read backwards: negative strides, in wrapping usize arithmetic.
      const to = U + at<T>(i * POINTS * rowLength + j);
      if (flip) transform2d<T>(FILTER, tile + (8 << 4), <usize>-48, <usize>-16, to, 6 * pointBytes, pointBytes);
      else transform2d<T>(FILTER, tile, 48, 16, to, 6 * pointBytes, pointBytes);
    }
  }
}

/** Each point's O×C filters of U[O][36][C'] as gemm's packed B, one point after another in packed. */
function packFilters<T>(U: usize, C: i32, O: i32, packed: usize): void {
  for (let p = 0; p < POINTS; p++) {
    packB<T>(1, U + at<T>(p * padded<T>(C)), POINTS * padded<T>(C), C, O, packed + at<T>(p * packedBElements<T>(C, O)));
  }
}

// The two walks over the tile blocks of x: the convolution, and the filter gradient (its adjoint in w).
const CONVOLVE: i32 = 0;
const FILTER_GRADIENT: i32 = 1;

/**
 * Transforms x[C][N][H][W]'s tiles into V block by block, then (inlined, so pass and add are
 * constants) CONVOLVE: M = V·Uᵀ with the transformed filters as packFilters left them in U, and y[O][N][H][W] (+)=
 * M's tiles transformed back; FILTER_GRADIENT: M = dy's tiles (dy given as y) under A·g·Aᵀ, and
 * U[O][36][C'] = Σ over blocks of Mᵀ·V.
 */
@inline
function walkTiles<T>(pass: i32, x: usize, C: i32, N: i32, H: i32, W: i32, O: i32, U: usize, add: bool, y: usize, blocks: usize): void {
  const tilesX = (W + 3) >> 2, tileRows = N * ((H + 3) >> 2);
  const rows = blockRows<T>(C, O, tilesX, tileRows), capacity = rows * tilesX;
  const Cp = padded<T>(C), Op = padded<T>(O);
  const V = blocks, M = V + at<T>(POINTS * capacity * Cp), strips = M + at<T>(POINTS * capacity * Op);
  for (let r0 = 0; r0 < tileRows; r0 += rows) {
    const r1 = min(tileRows, r0 + rows), tiles = (r1 - r0) * tilesX;
    transformTiles<T>(DATA, x, C, N, H, W, r0, r1, capacity, V, strips);
    if (pass == FILTER_GRADIENT) transformTiles<T>(OUTPUT_GRAD, y, O, N, H, W, r0, r1, capacity, M, strips);
    for (let p = 0; p < POINTS; p++) {
      const v = V + at<T>(p * Cp), m = M + at<T>(p * Op);
      if (pass == CONVOLVE) gemmPackedB<T>(0, tiles, O, C, 1, v, POINTS * Cp, U + at<T>(p * packedBElements<T>(C, O)), 0, m, POINTS * Op);
      else gemm<T>(1, 0, O, C, tiles, 1, m, POINTS * Op, v, POINTS * Cp, r0 == 0 ? 0 : 1, U + at<T>(p * Cp), POINTS * Cp);
    }
    if (pass == CONVOLVE) transformOutput<T>(M, O, N, H, W, r0, r1, capacity, add, y, strips);
  }
}

/**
 * The tiles of tile rows [r0, r1) (r = n·⌈H/4⌉ + ty) of x[C][N][H][W], zero-padded, into the
 * transform domain V[capacity][36][C']: DATA takes Bᵀ·d·B of the 6×6 patch at (4·ty − 1, 4·tx − 1),
 * OUTPUT_GRAD takes A·g·Aᵀ of the 4×4 output-gradient tile at (4·ty, 4·tx).
 */
@inline
function transformTiles<T>(rule: i32, x: usize, C: i32, N: i32, H: i32, W: i32, r0: i32, r1: i32, capacity: i32, V: usize, strips: usize): void {
  const tilesY = (H + 3) >> 2, tilesX = (W + 3) >> 2, Wq = stripWidth(tilesX), Cp = padded<T>(C);
  const rows = rule == DATA ? 6 : 4, halo = rule == DATA ? 1 : 0;
  const groupBytes = <usize>(rows * Wq) << 4, rowBytes = <usize>Wq << 4, pointBytes = at<T>(Cp);
  for (let r = r0; r < r1; r++) {
    const n = r / tilesY, top = (r % tilesY) * 4 - halo;
    for (let c = 0; c < Cp; c += lanes<T>()) {
      interleave<T>(x, C, N, H, W, n, c, top, rows, halo, Wq, strips + <usize>(c / lanes<T>()) * groupBytes);
    }
    for (let tx = 0; tx < tilesX; tx++) {
      const into = V + at<T>(((r - r0) * tilesX + tx) * POINTS * Cp), patch = strips + (<usize>tx << 6);
      for (let c = 0; c < Cp; c += lanes<T>()) {
        transform2d<T>(rule, patch + <usize>(c / lanes<T>()) * groupBytes, rowBytes, 16, into + at<T>(c), 6 * pointBytes, pointBytes);
      }
    }
  }
}

/**
 * strip[row][col] = the vector of x[c + lane][n][top + row][col − halo] for rows < rows and
 * cols < Wq: zero outside the image and for channels ≥ C. Whole vectors of a row are transposed
 * lanes×lanes at a time straight from the lanes' channel planes.
 */
function interleave<T>(x: usize, C: i32, N: i32, H: i32, W: i32, n: i32, c: i32, top: i32, rows: i32, halo: i32, Wq: i32, strip: usize): void {
  const plane = at<T>(N * H * W), zero = v128.splat<T>(0), lanesInC = min(lanes<T>(), C - c);
  for (let j = 0; j < rows; j++) {
    const line = strip + (<usize>(j * Wq) << 4), y = top + j;
    if (y < 0 || y >= H) {
      for (let col = 0; col < Wq; col++) v128.store(line + (<usize>col << 4), zero);
      continue;
    }
    for (let col = 0; col < halo; col++) v128.store(line + (<usize>col << 4), zero);
    for (let col = halo + W; col < Wq; col++) v128.store(line + (<usize>col << 4), zero);
    const from = x + at<T>(((c * N + n) * H + y) * W), to = line + (<usize>halo << 4);
    let i = 0;
    if (lanesInC == lanes<T>()) {
      for (; i + lanes<T>() <= W; i += lanes<T>()) transposeBlock<T>(from + at<T>(i), plane, to + (<usize>i << 4), 16);
    }
    for (; i < W; i++) {
      for (let l = 0; l < lanes<T>(); l++) {
        store<T>(to + (<usize>i << 4) + at<T>(l), l < lanesInC ? load<T>(from + <usize>l * plane + at<T>(i)) : 0);
      }
    }
  }
}

/** y[O][N][H][W] (+)= Aᵀ·m·A of each tile of M[capacity][36][O'], clipped to the image. */
@inline
function transformOutput<T>(M: usize, O: i32, N: i32, H: i32, W: i32, r0: i32, r1: i32, capacity: i32, add: bool, y: usize, strips: usize): void {
  const tilesY = (H + 3) >> 2, tilesX = (W + 3) >> 2, Op = padded<T>(O);
  const rowBytes = at<T>(4 * tilesX), pointBytes = at<T>(Op);
  for (let r = r0; r < r1; r++) {
    const n = r / tilesY, top = (r % tilesY) * 4;
    // strips[o][row][col]: the tile row's 4 output rows, de-interleaved tile by tile.
    for (let tx = 0; tx < tilesX; tx++) {
      const from = M + at<T>(((r - r0) * tilesX + tx) * POINTS * Op);
      for (let o = 0; o < Op; o += lanes<T>()) {
        transform2d<T>(OUTPUT, from + at<T>(o), 6 * pointBytes, pointBytes, tile, 64, 16);
        for (let j = 0; j < 4; j++) {
          for (let col = 0; col < 4; col += lanes<T>()) {
            transposeBlock<T>(tile + (<usize>(j * 4 + col) << 4), 16, strips + <usize>(o * 4 + j) * rowBytes + at<T>(4 * tx + col), 4 * rowBytes);
          }
        }
      }
    }
    for (let o = 0; o < O; o++) {
      for (let j = 0; j < min(4, H - top); j++) {
        const line = strips + <usize>(o * 4 + j) * rowBytes, to = y + at<T>(((o * N + n) * H + top + j) * W);
        if (add) accumulateOf<T>(line, W, to);
        else memory.copy(to, line, at<T>(W));
      }
    }
  }
}

/** dw[o][c][3][3] += Gᵀ·dU·G for the transformed gradients dU[O][36][C']. */
function transformFilterGradients<T>(dU: usize, O: i32, C: i32, dw: usize): void {
  const Cp = padded<T>(C), pointBytes = at<T>(Cp);
  for (let o = 0; o < O; o++) {
    for (let c = 0; c < C; c += lanes<T>()) {
      transform2d<T>(FILTER_GRAD, dU + at<T>(o * POINTS * Cp + c), 6 * pointBytes, pointBytes, tile, 48, 16);
      for (let l = 0; l < min(lanes<T>(), C - c); l++) {
        const g = dw + at<T>((o * C + c + l) * 9);
        for (let k = 0; k < 9; k++) {
          const tap = g + at<T>(k);
          store<T>(tap, load<T>(tap) + load<T>(tile + (<usize>k << 4) + at<T>(l)));
        }
      }
    }
  }
}
