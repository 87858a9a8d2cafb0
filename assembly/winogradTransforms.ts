// The transforms of Winograd's minimal filtering F(4×4, 3×3), with the matrices of Lavin & Gray,
// "Fast Algorithms for Convolutional Neural Networks" (CVPR 2016, section 4.2, points 0, ±1, ±2):
// a 4×4 output tile is Aᵀ[(G g Gᵀ) ⊙ (Bᵀ d B)]A for a 3×3 filter g and a 6×6 input patch d.
// The backward uses the adjoints A (output gradient → 6×6) and Gᵀ (6×6 → filter gradient).
// Every value is a v128 of T (f32 or f64) whose lanes are independent problems (channels or filters).

// Which 1-D rule transform2d() applies; it is inlined with a constant rule, so the branches fold.
export const DATA: i32 = 0; // Bᵀ: 6 → 6
export const FILTER: i32 = 1; // G: 3 → 6
export const OUTPUT: i32 = 2; // Aᵀ: 6 → 4
export const OUTPUT_GRAD: i32 = 3; // A: 4 → 6
export const FILTER_GRAD: i32 = 4; // Gᵀ: 6 → 3

// The row pass's results: at most 6×6 vectors, rows 6 vectors apart.
const ROW_BYTES: usize = 6 * 16;
const rowPass = memory.data(6 * <i32>ROW_BYTES, 16);

/**
 * dst(i, k) = Σ T(i, r)·src(r, j)·T(k, j) for the rule's matrix T: the 1-D rule along each source
 * row, then along each column. src(r, j) is at src + r·srcRow + j·srcCol and dst(i, k) at
 * dst + i·dstRow + k·dstCol (byte strides), so callers gather and scatter in place.
 */
@inline
export function transform2d<T>(rule: i32, src: usize, srcRow: usize, srcCol: usize, dst: usize, dstRow: usize, dstCol: usize): void {
  const inputs = rule == FILTER ? 3 : rule == OUTPUT_GRAD ? 4 : 6;
  const outputs = rule == FILTER_GRAD ? 3 : rule == OUTPUT ? 4 : 6;
  for (let r = 0; r < inputs; r++) row<T>(rule, src + <usize>r * srcRow, srcCol, rowPass + <usize>r * ROW_BYTES, 16);
  for (let k = 0; k < outputs; k++) row<T>(rule, rowPass + (<usize>k << 4), ROW_BYTES, dst + <usize>k * dstCol, dstRow);
}

/** The 1-D rule on the vectors at s + j·ss, written to d + i·ds. */
@inline
function row<T>(rule: i32, s: usize, ss: usize, d: usize, ds: usize): void {
  if (rule == DATA) dataRow<T>(s, ss, d, ds);
  else if (rule == FILTER) filterRow<T>(s, ss, d, ds);
  else if (rule == OUTPUT) outputRow<T>(s, ss, d, ds);
  else if (rule == OUTPUT_GRAD) outputGradRow<T>(s, ss, d, ds);
  else filterGradRow<T>(s, ss, d, ds);
}

@inline
function splat<T>(c: f64): v128 {
  return v128.splat<T>(<T>c);
}

@inline
function add<T>(a: v128, b: v128): v128 {
  return v128.add<T>(a, b);
}

@inline
function sub<T>(a: v128, b: v128): v128 {
  return v128.sub<T>(a, b);
}

@inline
function mul<T>(a: v128, c: f64): v128 {
  return v128.mul<T>(a, splat<T>(c));
}

/** Bᵀ·d: rows [4 0 −5 0 1 0], [0 −4 −4 1 1 0], [0 4 −4 −1 1 0], [0 −2 −1 2 1 0], [0 2 −1 −2 1 0], [0 4 0 −5 0 1]. */
@inline
function dataRow<T>(s: usize, ss: usize, d: usize, ds: usize): void {
  const d0 = v128.load(s), d1 = v128.load(s + ss), d2 = v128.load(s + 2 * ss);
  const d3 = v128.load(s + 3 * ss), d4 = v128.load(s + 4 * ss), d5 = v128.load(s + 5 * ss);
  const even = sub<T>(d4, mul<T>(d2, 4)), odd = sub<T>(d3, mul<T>(d1, 4));
  const evenHalf = sub<T>(d4, d2), oddHalf = sub<T>(d3, d1);
  const oddTwice = add<T>(oddHalf, oddHalf);
  v128.store(d, add<T>(sub<T>(mul<T>(d0, 4), mul<T>(d2, 5)), d4));
  v128.store(d + ds, add<T>(even, odd));
  v128.store(d + 2 * ds, sub<T>(even, odd));
  v128.store(d + 3 * ds, add<T>(evenHalf, oddTwice));
  v128.store(d + 4 * ds, sub<T>(evenHalf, oddTwice));
  v128.store(d + 5 * ds, add<T>(sub<T>(mul<T>(d1, 4), mul<T>(d3, 5)), d5));
}

/** G·g: rows [1/4 0 0], [−1/6 −1/6 −1/6], [−1/6 1/6 −1/6], [1/24 1/12 1/6], [1/24 −1/12 1/6], [0 0 1]. */
@inline
function filterRow<T>(s: usize, ss: usize, d: usize, ds: usize): void {
  const g0 = v128.load(s), g1 = v128.load(s + ss), g2 = v128.load(s + 2 * ss);
  const ends = add<T>(g0, g2);
  const outer = add<T>(mul<T>(g0, 1.0 / 24), mul<T>(g2, 1.0 / 6)), middle = mul<T>(g1, 1.0 / 12);
  v128.store(d, mul<T>(g0, 0.25));
  v128.store(d + ds, mul<T>(add<T>(ends, g1), -1.0 / 6));
  v128.store(d + 2 * ds, mul<T>(sub<T>(ends, g1), -1.0 / 6));
  v128.store(d + 3 * ds, add<T>(outer, middle));
  v128.store(d + 4 * ds, sub<T>(outer, middle));
  v128.store(d + 5 * ds, g2);
}

/** Aᵀ·m: rows [1 1 1 1 1 0], [0 1 −1 2 −2 0], [0 1 1 4 4 0], [0 1 −1 8 −8 1]. */
@inline
function outputRow<T>(s: usize, ss: usize, d: usize, ds: usize): void {
  const m0 = v128.load(s), m1 = v128.load(s + ss), m2 = v128.load(s + 2 * ss);
  const m3 = v128.load(s + 3 * ss), m4 = v128.load(s + 4 * ss), m5 = v128.load(s + 5 * ss);
  const sum12 = add<T>(m1, m2), diff12 = sub<T>(m1, m2);
  const sum34 = add<T>(m3, m4), diff34 = sub<T>(m3, m4);
  v128.store(d, add<T>(add<T>(m0, sum12), sum34));
  v128.store(d + ds, add<T>(diff12, mul<T>(diff34, 2)));
  v128.store(d + 2 * ds, add<T>(sum12, mul<T>(sum34, 4)));
  v128.store(d + 3 * ds, add<T>(add<T>(diff12, mul<T>(diff34, 8)), m5));
}

/** A·g (the adjoint of outputRow): rows [1 0 0 0], [1 1 1 1], [1 −1 1 −1], [1 2 4 8], [1 −2 4 −8], [0 0 0 1]. */
@inline
function outputGradRow<T>(s: usize, ss: usize, d: usize, ds: usize): void {
  const g0 = v128.load(s), g1 = v128.load(s + ss), g2 = v128.load(s + 2 * ss), g3 = v128.load(s + 3 * ss);
  const even = add<T>(g0, g2), odd = add<T>(g1, g3);
  const evenWide = add<T>(g0, mul<T>(g2, 4)), oddWide = add<T>(add<T>(g1, g1), mul<T>(g3, 8));
  v128.store(d, g0);
  v128.store(d + ds, add<T>(even, odd));
  v128.store(d + 2 * ds, sub<T>(even, odd));
  v128.store(d + 3 * ds, add<T>(evenWide, oddWide));
  v128.store(d + 4 * ds, sub<T>(evenWide, oddWide));
  v128.store(d + 5 * ds, g3);
}

/** Gᵀ·m (the adjoint of filterRow): rows [1/4 −1/6 −1/6 1/24 1/24 0], [0 −1/6 1/6 1/12 −1/12 0], [0 −1/6 −1/6 1/6 1/6 1]. */
@inline
function filterGradRow<T>(s: usize, ss: usize, d: usize, ds: usize): void {
  const m0 = v128.load(s), m1 = v128.load(s + ss), m2 = v128.load(s + 2 * ss);
  const m3 = v128.load(s + 3 * ss), m4 = v128.load(s + 4 * ss), m5 = v128.load(s + 5 * ss);
  const sum12 = mul<T>(add<T>(m1, m2), -1.0 / 6), sum34 = add<T>(m3, m4);
  v128.store(d, add<T>(add<T>(mul<T>(m0, 0.25), sum12), mul<T>(sum34, 1.0 / 24)));
  v128.store(d + ds, add<T>(mul<T>(sub<T>(m2, m1), 1.0 / 6), mul<T>(sub<T>(m3, m4), 1.0 / 12)));
  v128.store(d + 2 * ds, add<T>(add<T>(sum12, mul<T>(sum34, 1.0 / 6)), m5));
}
