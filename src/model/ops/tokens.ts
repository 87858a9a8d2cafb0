// Layout ops for the mixer and the architecture encoder, on row-major 2-D tensors whose rows come
// in B blocks (one per architecture): reshape, per-block transpose (token mixing), per-block mean
// (pooling), a per-block broadcast add (positional embeddings), a per-block graph product and the
// mean of several tensors (an ensemble's members).
import { addAll } from "../../engine/ops/add.js";
import type { Tensor } from "../../engine/tensor.js";
import type { Runtime } from "../runtime.js";

/** The same values under another shape of the same size ([B, L·P] → [B·L, P]). */
export function reshape(rt: Runtime, x: Tensor, shape: readonly number[]): Tensor {
  const { engine, kernels } = rt;
  const y = engine.empty(shape, x.requiresGrad);
  if (y.size !== x.size) throw new Error(`reshape: [${x.shape}] has ${x.size} values, [${shape}] needs ${y.size}`);
  engine.view(y).set(engine.view(x));
  if (y.requiresGrad) {
    engine.record("reshape", () => {
      if (y.grad !== 0) kernels.accumulate(y.grad, y.size, engine.gradOf(x));
    });
  }
  return y;
}

/** x [B·rows, cols] → y [B·cols, rows]: each block of rows is transposed (tokens ↔ channels). */
export function transposeBlocks(rt: Runtime, x: Tensor, blocks: number): Tensor {
  const { engine, kernels } = rt;
  const [total, cols] = x.shape;
  const rows = total / blocks;
  if (!Number.isInteger(rows)) throw new Error(`transposeBlocks: ${total} rows do not split into ${blocks} blocks`);
  const y = engine.empty([blocks * cols, rows], x.requiresGrad);
  const block = rows * cols;
  const bytes = engine.elementBytes;
  for (let b = 0; b < blocks; b++) kernels.transpose(x.ptr + b * block * bytes, rows, cols, y.ptr + b * block * bytes);
  if (y.requiresGrad) {
    engine.record("transposeBlocks", () => {
      if (y.grad === 0) return;
      const dx = engine.gradOf(x);
      const back = engine.empty([block]);
      for (let b = 0; b < blocks; b++) {
        kernels.transpose(y.grad + b * block * bytes, cols, rows, back.ptr);
        kernels.accumulate(back.ptr, block, dx + b * block * bytes);
      }
    });
  }
  return y;
}

/** x [B·G, D] → y [B, D]: the mean of each block's G rows (mean pooling over segments or nodes). */
export function meanGroups(rt: Runtime, x: Tensor, groups: number): Tensor {
  const { engine, kernels } = rt;
  const [total, cols] = x.shape;
  const blocks = total / groups;
  if (!Number.isInteger(blocks)) throw new Error(`meanGroups: ${total} rows do not split into groups of ${groups}`);
  const y = engine.zeros([blocks, cols], x.requiresGrad);
  const bytes = engine.elementBytes;
  for (let b = 0; b < blocks; b++) kernels.sumRows(x.ptr + b * groups * cols * bytes, groups, cols, y.ptr + b * cols * bytes);
  kernels.scale(y.ptr, y.size, 1 / groups, y.ptr);
  if (y.requiresGrad) {
    engine.record("meanGroups", () => {
      if (y.grad === 0) return;
      const dx = engine.gradOf(x);
      for (let r = 0; r < total; r++) kernels.axpy(cols, 1 / groups, y.grad + Math.floor(r / groups) * cols * bytes, dx + r * cols * bytes);
    });
  }
  return y;
}

/** The elementwise mean of same-shaped tensors (an ensemble's scores); one tensor passes through. */
export function meanOf(rt: Runtime, terms: readonly Tensor[]): Tensor {
  if (terms.length === 1) return terms[0];
  const { engine, kernels } = rt;
  const y = addAll(engine, terms);
  const mean = engine.empty(y.shape, y.requiresGrad);
  kernels.scale(y.ptr, y.size, 1 / terms.length, mean.ptr);
  if (mean.requiresGrad) {
    engine.record("meanOf", () => {
      if (mean.grad !== 0) kernels.axpy(y.size, 1 / terms.length, mean.grad, engine.gradOf(y));
    });
  }
  return mean;
}

/** x [B·T, D] + p [T, D] added to every block (learned positions of the T tokens). */
export function addBroadcast(rt: Runtime, x: Tensor, p: Tensor): Tensor {
  const { engine, kernels } = rt;
  const [total, cols] = x.shape;
  const [tokens, pCols] = p.shape;
  const blocks = total / tokens;
  if (pCols !== cols || !Number.isInteger(blocks)) throw new Error(`addBroadcast: [${p.shape}] does not tile [${x.shape}]`);
  const y = engine.empty(x.shape, x.requiresGrad || p.requiresGrad);
  const block = tokens * cols;
  const bytes = engine.elementBytes;
  for (let b = 0; b < blocks; b++) kernels.add(x.ptr + b * block * bytes, p.ptr, block, y.ptr + b * block * bytes);
  if (y.requiresGrad) {
    engine.record("addBroadcast", () => {
      if (y.grad === 0) return;
      if (x.requiresGrad) kernels.accumulate(y.grad, y.size, engine.gradOf(x));
      if (p.requiresGrad) {
        const dp = engine.gradOf(p);
        for (let b = 0; b < blocks; b++) kernels.accumulate(y.grad + b * block * bytes, block, dp);
      }
    });
  }
  return y;
}

/**
 * Graph propagation per block: y_b = A_b·x_b with x [B·T, D] and A [B·T, T] a constant (the
 * normalised adjacency of each architecture's cell); dx_b += A_bᵀ·dy_b.
 */
export function graphPropagate(rt: Runtime, x: Tensor, adjacency: Tensor): Tensor {
  const { engine, matmul } = rt;
  const [total, cols] = x.shape;
  const [aRows, tokens] = adjacency.shape;
  const blocks = total / tokens;
  if (aRows !== total || !Number.isInteger(blocks)) throw new Error(`graphPropagate: adjacency [${adjacency.shape}] does not match [${x.shape}]`);
  const y = engine.empty(x.shape, x.requiresGrad);
  const bytes = engine.elementBytes;
  const aBlock = tokens * tokens * bytes, xBlock = tokens * cols * bytes;
  for (let b = 0; b < blocks; b++) {
    matmul.gemm(engine, 0, 0, tokens, cols, tokens, 1, adjacency.ptr + b * aBlock, tokens, x.ptr + b * xBlock, cols, 0, y.ptr + b * xBlock, cols);
  }
  if (y.requiresGrad) {
    engine.record("graphPropagate", () => {
      if (y.grad === 0) return;
      const dx = engine.gradOf(x);
      for (let b = 0; b < blocks; b++) {
        matmul.gemm(engine, 1, 0, tokens, cols, tokens, 1, adjacency.ptr + b * aBlock, tokens, y.grad + b * xBlock, cols, 1, dx + b * xBlock, cols);
      }
    });
  }
  return y;
}
