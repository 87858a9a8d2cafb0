"""Reference PyTorch NAS-Bench-101 network (archai / NASLib variant) + seeded He-normal initialiser.

Run with Debian's torch: `/usr/bin/python3` (plain `python3` has no torch).

Follows docs/nb101-and-darts.md section A, with archai's module structure
(microsoft/archai @ e5ec907, archai/algos/nasbench101/model.py and base_ops.py), so that
`named_parameters()` and `modules()` come out in archai's order and names:
  - layers.0 = stem ConvBnRelu(3 -> C, 3x3), then per stack (a MaxPool2d(2, 2) before stacks 2 and 3,
    channels doubling at their first cell) 3 cells; classifier = Linear(4C, classes) on the spatial mean;
  - a cell registers `vertex_op[t]` for t = 1..n-2 (index 0 is None), then `input_op[t]` for
    t = 1..n-1 (None where M[0][t] = 0): every conv module of the vertex ops precedes the projections;
  - ConvBnRelu = Conv(no bias) -> BN -> ReLU. NASLib switched every ReLU to inplace=False and
    adds the output projection out of place (nb101-and-darts.md A.9 caveat); so does this twin.

The cell is given already pruned (ModelSpec pruning is the TS side's job, tested there).

`init_from_seed(model, seed)` reproduces the TS engine's "normal" ParameterInit (src/engine/tensor.ts):
one mulberry32 stream per network; for every Conv2d/Linear in `model.modules()` order, the weight
(row-major OIHW / [out, in]) is filled with fround(normal() * std), std = sqrt(2 / (k*k*C_out)) for a
conv (archai's He-normal fan-out) and 0.01 for the Linear; the Linear bias is zero and draws nothing.
`normal()` is src/util/random.ts's Box-Muller with V8's fdlibm log and cos (below), so every draw is
bit-identical to Node's, not merely close: glibc's log and cos differ from V8's in the last bit for
about 6 % of draws.
"""

from __future__ import annotations

import math
import struct
import sys
from pathlib import Path
from typing import List, Sequence

import torch
import torch.nn as nn

sys.dont_write_bytecode = True  # keep tools/__pycache__ out of the tree
sys.path.insert(0, str(Path(__file__).resolve().parent))
from nb201_torch import Mulberry32  # noqa: E402

OPS = ("conv3x3-bn-relu", "conv1x1-bn-relu", "maxpool3x3")
SHORT = {"conv3x3-bn-relu": "c3", "conv1x1-bn-relu": "c1", "maxpool3x3": "mp"}


# --------------------------------------------------------------------------------------------
# V8's fdlibm log and cos (v8/src/base/ieee754.cc, from FreeBSD msun), for bit-exact normals
# --------------------------------------------------------------------------------------------

def _hi(x: float) -> int:
    """High 32-bit word of a double, as a signed int (fdlibm's __HI)."""
    return struct.unpack("<q", struct.pack("<d", x))[0] >> 32


def _with_hi(x: float, hi: int) -> float:
    bits = struct.unpack("<Q", struct.pack("<d", x))[0]
    return struct.unpack("<d", struct.pack("<Q", ((hi & 0xFFFFFFFF) << 32) | (bits & 0xFFFFFFFF)))[0]


def _from_words(hi: int, lo: int) -> float:
    return struct.unpack("<d", struct.pack("<Q", ((hi & 0xFFFFFFFF) << 32) | (lo & 0xFFFFFFFF)))[0]


_LN2_HI, _LN2_LO, _TWO54 = 6.93147180369123816490e-01, 1.90821492927058770002e-10, 1.80143985094819840000e16
_LG = (6.666666666666735130e-01, 3.999999999940941908e-01, 2.857142874366239149e-01, 2.222219843214978396e-01,
       1.818357216161805012e-01, 1.531383769920937332e-01, 1.479819860511658591e-01)


def v8_log(x: float) -> float:
    """fdlibm __ieee754_log for the positive finite x the Box-Muller draw gives."""
    hx = _hi(x)
    k = 0
    if hx < 0x00100000:  # subnormal (zero and negatives never occur here)
        if x <= 0.0:
            raise ValueError(f"v8_log: {x} is not positive")
        k -= 54
        x *= _TWO54
        hx = _hi(x)
    if hx >= 0x7FF00000:
        return x + x
    k += (hx >> 20) - 1023
    hx &= 0x000FFFFF
    i = (hx + 0x95F64) & 0x100000
    x = _with_hi(x, hx | (i ^ 0x3FF00000))  # normalise x or x/2
    k += i >> 20
    f = x - 1.0
    if (0x000FFFFF & (2 + hx)) < 3:  # |f| < 2**-20
        if f == 0.0:
            if k == 0:
                return 0.0
            dk = float(k)
            return dk * _LN2_HI + dk * _LN2_LO
        r = f * f * (0.5 - 0.33333333333333333 * f)
        if k == 0:
            return f - r
        dk = float(k)
        return dk * _LN2_HI - ((r - dk * _LN2_LO) - f)
    lg1, lg2, lg3, lg4, lg5, lg6, lg7 = _LG
    s = f / (2.0 + f)
    dk = float(k)
    z = s * s
    i = hx - 0x6147A
    w = z * z
    j = 0x6B851 - hx
    t1 = w * (lg2 + w * (lg4 + w * lg6))
    t2 = z * (lg1 + w * (lg3 + w * (lg5 + w * lg7)))
    i |= j
    r = t2 + t1
    if i > 0:
        hfsq = 0.5 * f * f
        if k == 0:
            return f - (hfsq - s * (hfsq + r))
        return dk * _LN2_HI - ((hfsq - (s * (hfsq + r) + dk * _LN2_LO)) - f)
    if k == 0:
        return f - s * (f - r)
    return dk * _LN2_HI - ((s * (f - r) - dk * _LN2_LO) - f)


_C = (4.16666666666666019037e-02, -1.38888888888741095749e-03, 2.48015872894767294178e-05,
      -2.75573143513906633035e-07, 2.08757232129817482790e-09, -1.13596475577881948265e-11)
_S = (-1.66666666666666324348e-01, 8.33333333332248946124e-03, -1.98412698298579493134e-04,
      2.75573137070700676789e-06, -2.50507602534068634195e-08, 1.58969099521155010221e-10)


def _kernel_cos(x: float, y: float) -> float:
    c1, c2, c3, c4, c5, c6 = _C
    ix = _hi(x) & 0x7FFFFFFF
    if ix < 0x3E400000 and int(x) == 0:  # |x| < 2**-27
        return 1.0
    z = x * x
    r = z * (c1 + z * (c2 + z * (c3 + z * (c4 + z * (c5 + z * c6)))))
    if ix < 0x3FD33333:  # |x| < 0.3
        return 1.0 - (0.5 * z - (z * r - x * y))
    qx = 0.28125 if ix > 0x3FE90000 else _from_words(ix - 0x00200000, 0)  # x/4
    hz = 0.5 * z - qx
    a = 1.0 - qx
    return a - (hz - (z * r - x * y))


def _kernel_sin(x: float, y: float) -> float:
    """__kernel_sin with iy = 1 (a tail y is present), the only form cos uses."""
    s1, s2, s3, s4, s5, s6 = _S
    ix = _hi(x) & 0x7FFFFFFF
    if ix < 0x3E400000 and int(x) == 0:
        return x
    z = x * x
    v = z * x
    r = s2 + z * (s3 + z * (s4 + z * (s5 + z * s6)))
    return x - ((z * (0.5 * y - v * r) - y) - v * s1)


_INVPIO2 = 6.36619772367581382433e-01
_PIO2_1, _PIO2_1T = 1.57079632673412561417e00, 6.07710050650619224932e-11
_PIO2_2, _PIO2_2T = 6.07710050630396597660e-11, 2.02226624879595063154e-21
_PIO2_3, _PIO2_3T = 2.02226624871116645580e-21, 8.47842766036889956997e-32
_NPIO2_HW = (0x3FF921FB, 0x400921FB, 0x4012D97C, 0x401921FB, 0x401F6A7A, 0x4022D97C, 0x4025FDBB, 0x402921FB)


def _rem_pio2(x: float):
    """__ieee754_rem_pio2 for 0 <= x < 8 pi / 2 (Box-Muller's 2 pi u): (n, y0, y1)."""
    hx = _hi(x)
    ix = hx & 0x7FFFFFFF
    if hx < 0 or ix > 0x402921FB:
        raise ValueError(f"_rem_pio2: {x} is outside [0, 4 pi)")
    if ix <= 0x3FE921FB:
        return 0, x, 0.0
    if ix < 0x4002D97C:  # |x| < 3 pi / 4: n = 1
        z = x - _PIO2_1
        if ix != 0x3FF921FB:
            y0 = z - _PIO2_1T
            return 1, y0, (z - y0) - _PIO2_1T
        z -= _PIO2_2
        y0 = z - _PIO2_2T
        return 1, y0, (z - y0) - _PIO2_2T
    t = x
    n = int(t * _INVPIO2 + 0.5)
    fn = float(n)
    r = t - fn * _PIO2_1
    w = fn * _PIO2_1T
    if n < 32 and ix != _NPIO2_HW[n - 1]:
        y0 = r - w
    else:
        j = ix >> 20
        y0 = r - w
        i = j - ((_hi(y0) >> 20) & 0x7FF)
        if i > 16:
            t = r
            w = fn * _PIO2_2
            r = t - w
            w = fn * _PIO2_2T - ((t - r) - w)
            y0 = r - w
            i = j - ((_hi(y0) >> 20) & 0x7FF)
            if i > 49:
                t = r
                w = fn * _PIO2_3
                r = t - w
                w = fn * _PIO2_3T - ((t - r) - w)
                y0 = r - w
    return n, y0, (r - y0) - w


def v8_cos(x: float) -> float:
    """fdlibm cos for 0 <= x < 4 pi."""
    if (_hi(x) & 0x7FFFFFFF) <= 0x3FE921FB:
        return _kernel_cos(x, 0.0)
    n, y0, y1 = _rem_pio2(x)
    return (_kernel_cos(y0, y1), -_kernel_sin(y0, y1), -_kernel_cos(y0, y1), _kernel_sin(y0, y1))[n & 3]


class Random(Mulberry32):
    """mulberry32 plus src/util/random.ts `normal()`."""

    def normal(self) -> float:
        u1 = 1 - self.uniform()  # (0, 1]
        u2 = self.uniform()
        return math.sqrt(-2 * v8_log(u1)) * v8_cos(2 * math.pi * u2)


def _selftest_normal() -> None:
    # Node 20: `const r = new Random(7); r.normal()` x 4, as float.hex; seed 12345's first 2,000,000
    # normals were compared too, all bit-identical.
    want = ("0x1.22c1659b8a025p-3", "-0x1.ba7f5f5a98bf6p-1", "-0x1.01a13931c78f6p+0", "0x1.2257b4714c5e4p-4")
    r = Random(7)
    got = tuple(r.normal().hex() for _ in want)
    assert got == want, f"normal(): {got} != {want}"


# --------------------------------------------------------------------------------------------
# Modules (archai base_ops.py / model.py names)
# --------------------------------------------------------------------------------------------

class ConvBnRelu(nn.Module):
    def __init__(self, c_in: int, c_out: int, kernel: int = 1, stride: int = 1, padding: int = 0):
        super().__init__()
        self.conv_bn_relu = nn.Sequential(
            nn.Conv2d(c_in, c_out, kernel, stride, padding, bias=False),
            nn.BatchNorm2d(c_out),
            nn.ReLU(inplace=False),
        )

    def forward(self, x):
        return self.conv_bn_relu(x)


class Conv3x3BnRelu(nn.Module):
    def __init__(self, c_in: int, c_out: int):
        super().__init__()
        self.conv3x3 = ConvBnRelu(c_in, c_out, 3, 1, 1)

    def forward(self, x):
        return self.conv3x3(x)


class Conv1x1BnRelu(nn.Module):
    def __init__(self, c_in: int, c_out: int):
        super().__init__()
        self.conv1x1 = ConvBnRelu(c_in, c_out, 1, 1, 0)

    def forward(self, x):
        return self.conv1x1(x)


class MaxPool3x3(nn.Module):
    def __init__(self, c_in: int, c_out: int):
        super().__init__()
        self.maxpool = nn.MaxPool2d(3, 1, 1)

    def forward(self, x):
        return self.maxpool(x)


OP_MAP = {"conv3x3-bn-relu": Conv3x3BnRelu, "conv1x1-bn-relu": Conv1x1BnRelu, "maxpool3x3": MaxPool3x3}


def vertex_channels(c_in: int, c_out: int, matrix: Sequence[Sequence[int]]) -> List[int]:
    """archai's ComputeVertexChannels (nb101-and-darts.md A.4)."""
    n = len(matrix)
    channels = [0] * n
    channels[0], channels[n - 1] = c_in, c_out
    if n == 2:
        return channels
    feeders = sum(matrix[v][n - 1] for v in range(1, n))
    share, correction = divmod(c_out, feeders)
    for v in range(1, n - 1):
        if matrix[v][n - 1]:
            channels[v] = share + (1 if correction else 0)
            correction -= 1 if correction else 0
    for v in range(n - 3, 0, -1):
        if not matrix[v][n - 1]:
            for d in range(v + 1, n - 1):
                if matrix[v][d]:
                    channels[v] = max(channels[v], channels[d])
        assert channels[v] > 0
    return channels


def truncate(x, channels: int):
    have = x.size(1)
    assert have - channels in (0, 1), (have, channels)
    return x if have == channels else x[:, :channels]


class Cell(nn.Module):
    def __init__(self, matrix: Sequence[Sequence[int]], ops: Sequence[str], c_in: int, c_out: int):
        super().__init__()
        self.matrix = [list(row) for row in matrix]
        self.n = len(matrix)
        assert len(ops) == self.n - 2
        self.channels = vertex_channels(c_in, c_out, matrix)
        self.vertex_op = nn.ModuleList([None])
        for t in range(1, self.n - 1):
            self.vertex_op.append(OP_MAP[ops[t - 1]](self.channels[t], self.channels[t]))
        self.input_op = nn.ModuleList([None])
        for t in range(1, self.n):
            self.input_op.append(ConvBnRelu(c_in, self.channels[t], 1) if matrix[0][t] else None)

    def forward(self, x):
        m, n = self.matrix, self.n
        tensors = [x]
        out_concat = []
        for t in range(1, n - 1):
            fan_in = [truncate(tensors[src], self.channels[t]) for src in range(1, t) if m[src][t]]
            if m[0][t]:
                fan_in.append(self.input_op[t](x))
            tensors.append(self.vertex_op[t](sum(fan_in)))
            if m[t][n - 1]:
                out_concat.append(tensors[t])
        if not out_concat:
            assert m[0][n - 1]
            return self.input_op[n - 1](x)
        y = out_concat[0] if len(out_concat) == 1 else torch.cat(out_concat, 1)
        if m[0][n - 1]:
            y = y + self.input_op[n - 1](x)  # out of place (archai's `+=` would hit a ReLU output)
        return y


class Network(nn.Module):
    def __init__(self, matrix, ops, stem_channels: int = 128, num_stacks: int = 3, cells_per_stack: int = 3,
                 num_labels: int = 10):
        super().__init__()
        self.layers = nn.ModuleList([ConvBnRelu(3, stem_channels, 3, 1, 1)])
        c_in = c_out = stem_channels
        for stack in range(num_stacks):
            if stack > 0:
                self.layers.append(nn.MaxPool2d(kernel_size=2, stride=2))
                c_out *= 2
            for _ in range(cells_per_stack):
                self.layers.append(Cell(matrix, ops, c_in, c_out))
                c_in = c_out
        self.classifier = nn.Linear(c_out, num_labels)

    def features(self, x):
        for layer in self.layers:
            x = layer(x)
        return x

    def forward(self, x):
        return self.classifier(torch.mean(self.features(x), (2, 3)))


def compact(matrix, ops) -> str:
    """parzc's canonical string (src/spaces/nb101/codec.ts formatCell)."""
    edges = [f"{i}{j}" for i, row in enumerate(matrix) for j, e in enumerate(row) if e]
    return ",".join(SHORT[op] for op in ops) + ":" + ",".join(edges)


def parse_compact(text: str):
    """(matrix, ops) of parzc's canonical string, the inverse of compact(): "c3,mp:01,12,23"."""
    names, edges = text.split(":")
    long = {short: op for op, short in SHORT.items()}
    ops = [long[name] for name in names.split(",") if name]
    n = len(ops) + 2
    matrix = [[0] * n for _ in range(n)]
    for edge in edges.split(","):
        matrix[int(edge[0])][int(edge[1])] = 1
    return matrix, ops


def conv_linear_modules(model: nn.Module) -> List[nn.Module]:
    return [m for m in model.modules() if isinstance(m, (nn.Conv2d, nn.Linear))]


def count_params(model: nn.Module) -> int:
    return sum(p.numel() for p in model.parameters())


# --------------------------------------------------------------------------------------------
# Seeded initialiser (see the module docstring)
# --------------------------------------------------------------------------------------------

def init_std(module: nn.Module) -> float:
    if isinstance(module, nn.Conv2d):
        kh, kw = module.kernel_size
        return math.sqrt(2 / (kh * kw * module.out_channels))
    if isinstance(module, nn.Linear):
        return 0.01
    raise TypeError(type(module))


@torch.no_grad()
def init_from_seed(model: nn.Module, seed: int) -> nn.Module:
    rng = Random(seed)
    for m in model.modules():
        if isinstance(m, (nn.Conv2d, nn.Linear)):
            std = init_std(m)
            vals = [rng.normal() * std for _ in range(m.weight.numel())]
            m.weight.copy_(torch.tensor(vals, dtype=torch.float64).float().view_as(m.weight))
            if m.bias is not None:
                m.bias.zero_()
        elif isinstance(m, nn.BatchNorm2d):
            m.weight.fill_(1.0)
            m.bias.fill_(0.0)
            m.reset_running_stats()
    return model


_selftest_normal()
