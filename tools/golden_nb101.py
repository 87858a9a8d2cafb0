"""Generate the NB101 golden fixture (forward logits, loss, every parameter gradient, BN running stats) with PyTorch.

    /usr/bin/python3 tools/golden_nb101.py [--data ../shared/data] [--out test/fixtures]

Data path: --data, else env PARZC_DATA, else ../shared/data relative to the repo root (the same 8
CIFAR-10 images as tools/golden_nb201.py). Writes test/fixtures/golden_nb101.json and
test/fixtures/golden_nb101.bin (little-endian float32 gradients of every parameter, in
`named_parameters()` order, nets concatenated). Weights come from `init_from_seed(model, 2025)`
(He-normal fan-out / N(0, 0.01), bit-exact with the TS engine), a fresh PRNG per net.

The three cells run at stem width 16 (stacks of 16, 32, 64 channels) so the fixture stays small;
the full-width twin is checked against the worked parameter counts of nb101-and-darts.md A.8.

The stored values come from the float64 run of the same float32 weights and images. Max-pools
make float32 gradients ill-conditioned: a window whose two largest inputs differ by less than
float32 noise (see `near_ties`) sends its gradient to one input in one implementation and to
the other in the next, which moves every gradient upstream by up to 1e-2
(`torch_float32.max_grad_error` records PyTorch's own float32 run against its float64 one). The
float64 run is far from such flips (`min_pool_gap`, over the windows whose inputs are not
exactly tied), so it is the reference both precisions meet.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
from pathlib import Path

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

sys.dont_write_bytecode = True  # keep tools/__pycache__ out of the tree
sys.path.insert(0, str(Path(__file__).resolve().parent))
from golden_nb201 import load_batch  # noqa: E402
from nb101_torch import Network, compact, conv_linear_modules, count_params, init_from_seed, vertex_channels  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
SEED = 2025
STEM = 16
CLASSES = 10
C3, C1, MP = "conv3x3-bn-relu", "conv1x1-bn-relu", "maxpool3x3"


def matrix_of(n, edges):
    m = [[0] * n for _ in range(n)]
    for i, j in edges:
        m[i][j] = 1
    return m


# Pruned cells: (why, matrix, ops of the interior vertices).
CELLS = [
    ("input->output only: the whole cell is one 1x1 projection", matrix_of(2, [(0, 1)]), []),
    ("input->output with two other output feeders: the projection is added to the concat",
     matrix_of(5, [(0, 1), (0, 2), (1, 3), (2, 4), (3, 4), (0, 4)]), [C1, C3, C3]),
    ("maxpool, both convs, a truncation (6->5 at 16 channels, 11->10 at 32, 22->21 at 64), a vertex summing a projection",
     matrix_of(5, [(0, 1), (0, 2), (1, 2), (1, 4), (2, 3), (2, 4), (3, 4)]), [C3, MP, C1]),
]

# nb101-and-darts.md A.8: the first three NASLib records, pruned, at full width.
WORKED = [
    (matrix_of(6, [(0, 1), (0, 2), (0, 3), (0, 4), (0, 5), (1, 5), (2, 5), (3, 4), (4, 5)]), [MP, MP, C3, C3], 4095778),
    (matrix_of(5, [(0, 1), (0, 2), (1, 3), (1, 4), (2, 4), (3, 4)]), [C3, MP, C1], 1749031),
    (matrix_of(5, [(0, 1), (0, 2), (0, 3), (0, 4), (1, 2), (1, 3), (1, 4), (2, 3), (3, 4)]), [C3, MP, MP], 4518282),
]


def check_network_structure() -> None:
    for matrix, ops, want in WORKED:
        net = Network(matrix, ops)
        assert count_params(net) == want, (compact(matrix, ops), count_params(net), want)
    assert vertex_channels(128, 128, WORKED[0][0]) == [128, 43, 43, 42, 42, 128]
    # The largest module list: 5 conv vertices and 4 projections per cell (83 = 1 + 9 * 9 + 1).
    big = matrix_of(7, [(0, 1), (0, 2), (0, 3), (0, 4), (1, 2), (2, 3), (3, 4), (4, 5), (5, 6)])
    assert len(conv_linear_modules(Network(big, [C3] * 5))) == 83
    # archai's order: per cell the vertex-op convs, then the projections.
    net = Network(*CELLS[1][1:], stem_channels=STEM)
    kernels = [(m.in_channels, m.out_channels, m.kernel_size[0]) for m in conv_linear_modules(net)[1:6]]
    assert kernels == [(8, 8, 1), (8, 8, 3), (8, 8, 3), (16, 8, 1), (16, 8, 1)] and len(conv_linear_modules(net)) == 2 + 9 * 6, kernels
    # The truncation cell truncates in every stack.
    m = CELLS[2][1]
    assert [vertex_channels(c, c, m) for c in (16, 32, 64)] == [[16, 6, 5, 5, 16], [32, 11, 11, 10, 32], [64, 22, 21, 21, 64]]


def pool_gaps(model, x):
    """Per max-pool window the gap between its two largest inputs over the tensor's largest |value|."""
    gaps = []

    def hook(pool, inputs, _):
        t, k, p = inputs[0], pool.kernel_size, pool.padding
        windows = F.unfold(F.pad(t, (p, p, p, p), value=-math.inf), k, stride=pool.stride)
        top = windows.view(t.shape[0], t.shape[1], k * k, -1).topk(2, dim=2).values
        gaps.append(((top[:, :, 0] - top[:, :, 1]) / t.abs().amax()).flatten())

    handles = [m.register_forward_hook(hook) for m in model.modules() if isinstance(m, nn.MaxPool2d)]
    with torch.no_grad():
        model(x)
    for h in handles:
        h.remove()
    return torch.cat(gaps)


def run_net(matrix, ops, x, y, dtype):
    model = Network(matrix, ops, stem_channels=STEM, num_labels=CLASSES)
    init_from_seed(model, SEED)  # float32 weights, as the engine draws them
    model = model.to(dtype)
    model.train()
    names, params = zip(*model.named_parameters())
    param_sum = [float(p.detach().double().sum().item()) for p in params]
    model.zero_grad()
    logits = model(x.to(dtype))
    loss = nn.CrossEntropyLoss()(logits, y)
    loss.backward()
    grads = [p.grad.detach().contiguous().view(-1) for p in params]
    for n, g in zip(names, grads):
        assert torch.isfinite(g).all(), n
    bns = [dict(module=n, running_mean=[float(v) for v in m.running_mean.tolist()],
                running_var=[float(v) for v in m.running_var.tolist()])
           for n, m in model.named_modules() if isinstance(m, nn.BatchNorm2d)]
    return model, logits.detach(), float(loss.item()), list(names), [list(p.shape) for p in params], param_sum, grads, bns


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=os.environ.get("PARZC_DATA") or str(REPO / ".." / "shared" / "data"))
    ap.add_argument("--out", default=str(REPO / "test" / "fixtures"))
    args = ap.parse_args()
    torch.set_num_threads(1)
    torch.set_default_dtype(torch.float32)

    check_network_structure()
    x, y = load_batch(Path(args.data))
    out_dir = Path(args.out)
    out_dir.mkdir(parents=True, exist_ok=True)
    nets_json, chunks, offset = [], [], 0
    for why, matrix, ops in CELLS:
        model, logits, loss, names, shapes, param_sum, grads, bns = run_net(matrix, ops, x, y, torch.float64)
        assert math.isfinite(loss)
        gaps = pool_gaps(model, x.double())
        gaps = gaps[gaps > 0]
        assert float(gaps.min()) > 1e-9, "a max-pool window is a near-tie even in float64: pick another SEED"
        f32 = run_net(matrix, ops, x, y, torch.float32)
        grad_error = max(float((a.double() - b).abs().max() / b.abs().max()) for a, b in zip(f32[6], grads))
        params_meta = []
        for name, shape, g in zip(names, shapes, grads):
            params_meta.append(dict(name=name, shape=shape, offset=offset, size=int(g.numel())))
            chunks.append(g.numpy().astype("<f4"))
            offset += int(g.numel())
        cell = compact(matrix, ops)
        nets_json.append(dict(
            cell=cell,
            why=why,
            stem=STEM,
            classes=CLASSES,
            num_params=count_params(model),
            num_conv_linear=len(conv_linear_modules(model)),
            logits=[[float(v) for v in row] for row in logits.tolist()],
            loss=loss,
            params=params_meta,
            param_sum=param_sum,
            batch_norms=bns,
            min_pool_gap=float(gaps.min()),
            near_ties={f"{t:g}": int((gaps < t).sum()) for t in (1e-4, 1e-5, 1e-6)},
            torch_float32=dict(loss=f32[2], max_grad_error=grad_error),
        ))
        print(f"{cell} stem={STEM}: params={count_params(model)} nodes={len(conv_linear_modules(model))} "
              f"loss={loss:.6f} tensors={len(params_meta)} min pool gap {float(gaps.min()):.2e} "
              f"float32 grads off by {grad_error:.2e}")

    doc = {
        "generator": "tools/golden_nb101.py",
        "torch": torch.__version__,
        "seed": SEED,
        "init": "mulberry32(seed) per net; Conv2d/Linear in model.modules() order; weight (row-major) = "
                "fround(normal() * std), std = sqrt(2/(k*k*C_out)) (conv) or 0.01 (Linear), Linear bias 0; "
                "normal() = src/util/random.ts Box-Muller with V8's fdlibm log/cos; BN gamma=1 beta=0",
        "images": "data_batch_1_first1000.bin[0:8]",
        "labels": y.tolist(),
        "normalisation": {"mean": 0.5, "std": 0.5},
        "mode": "train (batch-stat BN, momentum 0.1, eps 1e-5), CrossEntropyLoss(mean), float64 (float32 weights "
                "and images), 1 thread",
        "bin": "golden_nb101.bin: the float64 gradients rounded to float32, little-endian, per net in named_parameters() order; "
               "params[i].offset/size are in float32 elements",
        "total_floats": offset,
        "nets": nets_json,
    }
    json_path = out_dir / "golden_nb101.json"
    bin_path = out_dir / "golden_nb101.bin"
    with open(json_path, "w") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")
    np.concatenate(chunks).astype("<f4").tofile(bin_path)
    assert bin_path.stat().st_size == 4 * offset
    print(f"wrote {json_path} ({json_path.stat().st_size} bytes) and {bin_path} "
          f"({bin_path.stat().st_size} bytes, {offset} floats)")


if __name__ == "__main__":
    main()
