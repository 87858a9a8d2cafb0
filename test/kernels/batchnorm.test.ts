import { test } from "uvu";
import * as reference from "../../src/reference/batchnorm.js";
import { check, testEachPrecision, type Op, type Precision } from "./check.js";

const EPS = 1e-5;

/** [y, mean, invStd] = batchNorm(x; gamma, beta) in train mode; the backward (of y) fills dx, dgamma and dbeta. */
function batchNorm(p: Precision, C: number, P: number, offset = 0): Op {
  const x = p.random(C * P).map((v) => v + offset);
  return {
    inputs: { x, gamma: p.random(C), beta: p.random(C) },
    differentiated: C * P,
    reference: ({ x, gamma, beta }) => {
      const y = p.zeros(C * P), mean = p.zeros(C), invStd = p.zeros(C);
      reference.batchNormForward(x, gamma, beta, C, P, EPS, y, mean, invStd);
      return [...y, ...mean, ...invStd];
    },
    forward: (s, at) => {
      const y = s.alloc(C * P), mean = s.alloc(C), invStd = s.alloc(C);
      s.kernels.batchNormForward(at.x, at.gamma, at.beta, C, P, EPS, y, mean, invStd);
      return [...s.read(y, C * P), ...s.read(mean, C), ...s.read(invStd, C)];
    },
    referenceBackward: ({ x, gamma, beta }, dOut) => {
      const y = p.zeros(C * P), mean = p.zeros(C), invStd = p.zeros(C);
      reference.batchNormForward(x, gamma, beta, C, P, EPS, y, mean, invStd);
      const dx = p.zeros(C * P), dgamma = p.zeros(C), dbeta = p.zeros(C);
      reference.batchNormBackward(x, dOut.subarray(0, C * P), gamma, mean, invStd, C, P, dx, dgamma, dbeta);
      return { x: dx, gamma: dgamma, beta: dbeta };
    },
    backward: (s, at, dOut, grads) => {
      const y = s.alloc(C * P), mean = s.alloc(C), invStd = s.alloc(C);
      s.kernels.batchNormForward(at.x, at.gamma, at.beta, C, P, EPS, y, mean, invStd);
      s.kernels.batchNormBackward(at.x, dOut, at.gamma, mean, invStd, C, P, grads.x, grads.gamma, grads.beta);
    },
  };
}

testEachPrecision("batchNorm matches the reference and finite differences (P = 2·3·5, odd)", (p) => check(p, batchNorm(p, 3, 30)));
testEachPrecision("batchNorm on wide channels (P = 4·8·8)", (p) => check(p, batchNorm(p, 2, 256), { f32: { rtol: 2e-5 } }));
testEachPrecision("batchNorm keeps its accuracy when |mean| ≫ std", (p) => check(p, batchNorm(p, 2, 37, 100), { f32: { rtol: 2e-5 } }));

test.run();
