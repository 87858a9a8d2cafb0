"""Reference PyTorch NAS-Bench-201 network (AutoDL/NB201 `TinyNetwork` variant) + seeded initialiser.

Run with Debian's torch: `/usr/bin/python3` (plain `python3` has no torch).

Follows docs/nb201-and-proxies.md section A:
  - cell convs without bias, BatchNorm affine with running stats (A.4, NB201/AutoDL row);
  - `nor_conv_kxk` = ReLU -> Conv kxk -> BN; `avg_pool_3x3` with count_include_pad=False;
    `none` = x * 0; `skip_connect` = identity;
  - reduction block = ReLU-Conv3x3(s2)-BN -> ReLU-Conv3x3-BN, plus AvgPool2x2 -> Conv1x1 shortcut (A.5);
  - head = BN -> ReLU -> global average pool -> Linear with bias (A.6);
  - module registration order so that Conv2d/Linear modules come out in the A.8 order.

Parameter names mirror AutoDL's `TinyNetwork` (see `param_naming_scheme()` below).

`init_from_seed(model, seed)` reproduces the TypeScript initialiser (src/util/random.ts, mulberry32):
one PRNG stream per network; for every Conv2d/Linear in `model.modules()` order, weight (flattened
row-major: OIHW / [out, in]) then bias, each value `(2*u - 1) * bound`, u = next_uint32() / 2**32,
bound = 1 / sqrt(fan_in), computed in float64 and then rounded to float32.
"""

from __future__ import annotations

import math
from typing import Iterator, List, Sequence, Tuple

import torch
import torch.nn as nn

OPS = ("none", "skip_connect", "nor_conv_1x1", "nor_conv_3x3", "avg_pool_3x3")
CONV_OPS = ("nor_conv_1x1", "nor_conv_3x3")


# --------------------------------------------------------------------------------------------
# Architecture string
# --------------------------------------------------------------------------------------------

def parse_arch(arch_str: str) -> List[List[Tuple[str, int]]]:
    """`|op~0|+|op~0|op~1|+|op~0|op~1|op~2|` -> [[(op, src)], [(op, src)]*2, [(op, src)]*3].

    Group g (0-based) holds the edges into node g+1, in string order.
    """
    groups = arch_str.strip().split("+")
    if len(groups) != 3:
        raise ValueError(f"arch string needs 3 '+'-separated groups: {arch_str!r}")
    nodes: List[List[Tuple[str, int]]] = []
    for g, group in enumerate(groups):
        tokens = [t for t in group.split("|") if t != ""]
        if len(tokens) != g + 1:
            raise ValueError(f"group {g} of {arch_str!r} needs {g + 1} tokens, got {tokens}")
        edges = []
        for want_src, tok in enumerate(tokens):
            op, sep, src = tok.partition("~")
            if sep != "~" or op not in OPS:
                raise ValueError(f"bad token {tok!r} in {arch_str!r}")
            if int(src) != want_src:
                raise ValueError(f"token {tok!r} in group {g}: expected source {want_src}")
            edges.append((op, int(src)))
        nodes.append(edges)
    return nodes


def edge_ops(arch_str: str) -> List[str]:
    """The six ops in string order: (0->1), (0->2), (1->2), (0->3), (1->3), (2->3)."""
    return [op for group in parse_arch(arch_str) for op, _ in group]


def num_conv_edges(arch_str: str) -> int:
    return sum(op in CONV_OPS for op in edge_ops(arch_str))


# --------------------------------------------------------------------------------------------
# Modules (names as in AutoDL xautodl/models/cell_operations.py & cell_infers)
# --------------------------------------------------------------------------------------------

class ReLUConvBN(nn.Module):
    """ReLU -> Conv(k, stride, pad, no bias) -> BN(affine, running stats). Params: op.1 conv, op.2 BN."""

    def __init__(self, c_in: int, c_out: int, kernel: int, stride: int, padding: int):
        super().__init__()
        self.op = nn.Sequential(
            nn.ReLU(inplace=False),
            nn.Conv2d(c_in, c_out, kernel, stride=stride, padding=padding, dilation=1, bias=False),
            nn.BatchNorm2d(c_out, affine=True, track_running_stats=True),
        )

    def forward(self, x):
        return self.op(x)


class Identity(nn.Module):
    def forward(self, x):
        return x


class Zero(nn.Module):
    def forward(self, x):
        return x.mul(0.0)


class Pooling(nn.Module):
    """avg_pool_3x3 inside a cell (C_in == C_out, so no preprocess): stride 1, pad 1, exclude padding."""

    def __init__(self):
        super().__init__()
        self.op = nn.AvgPool2d(3, stride=1, padding=1, count_include_pad=False)

    def forward(self, x):
        return self.op(x)


def make_op(op: str, c: int) -> nn.Module:
    if op == "none":
        return Zero()
    if op == "skip_connect":
        return Identity()
    if op == "nor_conv_1x1":
        return ReLUConvBN(c, c, 1, 1, 0)
    if op == "nor_conv_3x3":
        return ReLUConvBN(c, c, 3, 1, 1)
    if op == "avg_pool_3x3":
        return Pooling()
    raise ValueError(op)


class InferCell(nn.Module):
    """One NB201 cell. `layers[p]` is the op of edge p in string order (all ops registered, params or not)."""

    def __init__(self, genotype: Sequence[Sequence[Tuple[str, int]]], c: int):
        super().__init__()
        self.layers = nn.ModuleList()
        self.node_IN: List[List[int]] = []  # per target node: source node of each edge
        self.node_IX: List[List[int]] = []  # per target node: index into self.layers
        for edges in genotype:
            ins, ixs = [], []
            for op, src in edges:
                ixs.append(len(self.layers))
                ins.append(src)
                self.layers.append(make_op(op, c))
            self.node_IN.append(ins)
            self.node_IX.append(ixs)

    def forward(self, x):
        nodes = [x]
        for ins, ixs in zip(self.node_IN, self.node_IX):
            # sum in string order, like AutoDL's `sum(generator)` (0 + t0 + t1 + ...)
            feat = sum(self.layers[ix](nodes[src]) for src, ix in zip(ins, ixs))
            nodes.append(feat)
        return nodes[-1]


class ResNetBasicblock(nn.Module):
    """Reduction block: conv_a (stride 2), conv_b, downsample = AvgPool2d(2,2) -> Conv1x1 (no BN/ReLU)."""

    def __init__(self, c_in: int, c_out: int):
        super().__init__()
        self.conv_a = ReLUConvBN(c_in, c_out, 3, 2, 1)
        self.conv_b = ReLUConvBN(c_out, c_out, 3, 1, 1)
        self.downsample = nn.Sequential(
            nn.AvgPool2d(kernel_size=2, stride=2, padding=0),
            nn.Conv2d(c_in, c_out, kernel_size=1, stride=1, padding=0, bias=False),
        )

    def forward(self, x):
        basic = self.conv_b(self.conv_a(x))
        residual = self.downsample(x)
        return residual + basic


class TinyNetwork(nn.Module):
    """NB201 macro skeleton: stem, N cells, reduction, N cells, reduction, N cells, head. Returns logits."""

    def __init__(self, arch_str: str, C: int = 16, N: int = 5, num_classes: int = 10):
        super().__init__()
        self.arch_str = arch_str
        self.C, self.N, self.num_classes = C, N, num_classes
        genotype = parse_arch(arch_str)
        self.stem = nn.Sequential(
            nn.Conv2d(3, C, kernel_size=3, padding=1, bias=False),
            nn.BatchNorm2d(C),
        )
        layer_channels = [C] * N + [C * 2] + [C * 2] * N + [C * 4] + [C * 4] * N
        layer_reductions = [False] * N + [True] + [False] * N + [True] + [False] * N
        self.cells = nn.ModuleList()
        c_prev = C
        for c_curr, reduction in zip(layer_channels, layer_reductions):
            if reduction:
                self.cells.append(ResNetBasicblock(c_prev, c_curr))
            else:
                self.cells.append(InferCell(genotype, c_curr))
            c_prev = c_curr
        self.lastact = nn.Sequential(nn.BatchNorm2d(c_prev), nn.ReLU(inplace=True))
        self.global_pooling = nn.AdaptiveAvgPool2d(1)
        self.classifier = nn.Linear(c_prev, num_classes)

    def forward(self, x):
        feat = self.stem(x)
        for cell in self.cells:
            feat = cell(feat)
        out = self.lastact(feat)
        out = self.global_pooling(out)
        out = out.view(out.size(0), -1)
        return self.classifier(out)


def param_naming_scheme() -> str:
    return (
        "stem.0.weight (conv 3x3 3->C) | stem.1.{weight,bias} (BN gamma,beta) | "
        "cells.<i>.layers.<p>.op.1.weight (conv of edge p in string order, only conv edges have params) "
        "then cells.<i>.layers.<p>.op.2.{weight,bias} (its BN) | "
        "reduction cells (i = N and 2N+1): cells.<i>.conv_a.op.1.weight, conv_a.op.2.{weight,bias}, "
        "conv_b.op.1.weight, conv_b.op.2.{weight,bias}, downsample.1.weight (1x1) | "
        "lastact.0.{weight,bias} (head BN) | classifier.{weight,bias}"
    )


# --------------------------------------------------------------------------------------------
# Counting helpers (section A.8 / A.9)
# --------------------------------------------------------------------------------------------

def conv_linear_modules(model: nn.Module) -> List[nn.Module]:
    return [m for m in model.modules() if isinstance(m, (nn.Conv2d, nn.Linear))]


def count_params(model: nn.Module) -> int:
    return sum(p.numel() for p in model.parameters())


def closed_form_params(arch_str: str, C: int = 16, N: int = 5, num_classes: int = 10) -> int:
    """A.9 closed form, generalised to stem width C and N cells per stage."""
    ops = edge_ops(arch_str)
    n3 = ops.count("nor_conv_3x3")
    n1 = ops.count("nor_conv_1x1")
    chans = [C, 2 * C, 4 * C]
    total = 3 * C * 9 + 2 * C
    for cs in chans:
        total += N * (n3 * (9 * cs * cs + 2 * cs) + n1 * (cs * cs + 2 * cs))
    for ci, co in ((chans[0], chans[1]), (chans[1], chans[2])):
        total += 9 * ci * co + 2 * co + 9 * co * co + 2 * co + ci * co
    total += 2 * chans[2] + chans[2] * num_classes + num_classes
    return total


# --------------------------------------------------------------------------------------------
# Seeded initialiser: mulberry32, bit-exact with src/util/random.ts
# --------------------------------------------------------------------------------------------

_M32 = 0xFFFFFFFF


def _imul(a: int, b: int) -> int:
    return (a * b) & _M32


class Mulberry32:
    def __init__(self, seed: int):
        self.state = seed & _M32

    def next_uint32(self) -> int:
        self.state = (self.state + 0x6D2B79F5) & _M32
        t = self.state
        t = _imul(t ^ (t >> 15), t | 1)
        t ^= (t + _imul(t ^ (t >> 7), t | 61)) & _M32
        return (t ^ (t >> 14)) & _M32

    def uniform(self) -> float:
        return self.next_uint32() / 4294967296.0

    def symmetric_list(self, n: int, bound: float) -> List[float]:
        # Inlined loop of ((2*u - 1) * bound) with the exact same float64 arithmetic as the TS side.
        out = [0.0] * n
        s = self.state
        for i in range(n):
            s = (s + 0x6D2B79F5) & _M32
            t = s
            t = ((t ^ (t >> 15)) * (t | 1)) & _M32
            t ^= (t + (((t ^ (t >> 7)) * (t | 61)) & _M32)) & _M32
            u = ((t ^ (t >> 14)) & _M32) / 4294967296.0
            out[i] = (2.0 * u - 1.0) * bound
        self.state = s
        return out


def _selftest_mulberry32() -> None:
    for seed, want in ((0, [1144304738, 1416247, 958946056]), (42, [2581720956, 1925393290, 3661312704])):
        r = Mulberry32(seed)
        got = [r.next_uint32() for _ in range(3)]
        assert got == want, f"mulberry32 seed {seed}: {got} != {want}"
    # the inlined bulk path must agree with the scalar path
    a, b = Mulberry32(7), Mulberry32(7)
    bulk = a.symmetric_list(100, 0.25)
    scalar = [(2.0 * b.uniform() - 1.0) * 0.25 for _ in range(100)]
    assert bulk == scalar and a.state == b.state


_selftest_mulberry32()


def fan_in(module: nn.Module) -> int:
    if isinstance(module, nn.Conv2d):
        kh, kw = module.kernel_size
        return (module.in_channels // module.groups) * kh * kw
    if isinstance(module, nn.Linear):
        return module.in_features
    raise TypeError(type(module))


@torch.no_grad()
def init_from_seed(model: nn.Module, seed: int) -> nn.Module:
    """Deterministic init shared with the TS engine (see module docstring). BN: gamma=1, beta=0, fresh stats."""
    rng = Mulberry32(seed)
    for m in model.modules():
        if isinstance(m, (nn.Conv2d, nn.Linear)):
            bound = 1.0 / math.sqrt(fan_in(m))
            for p in (m.weight, m.bias):
                if p is None:
                    continue
                vals = rng.symmetric_list(p.numel(), bound)
                p.copy_(torch.tensor(vals, dtype=torch.float64).float().view_as(p))
        elif isinstance(m, nn.BatchNorm2d):
            if m.affine:
                m.weight.fill_(1.0)
                m.bias.fill_(0.0)
            if m.track_running_stats:
                m.reset_running_stats()
    return model


def iter_named_conv_linear(model: nn.Module) -> Iterator[Tuple[str, nn.Module]]:
    for name, m in model.named_modules():
        if isinstance(m, (nn.Conv2d, nn.Linear)):
            yield name, m


if __name__ == "__main__":
    for arch in (
        "|none~0|+|none~0|none~1|+|none~0|none~1|none~2|",
        "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|nor_conv_3x3~0|nor_conv_3x3~1|nor_conv_3x3~2|",
    ):
        net = TinyNetwork(arch)
        print(arch, count_params(net), len(conv_linear_modules(net)))
