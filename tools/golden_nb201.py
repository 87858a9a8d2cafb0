"""Generate the NB201 golden fixture (forward logits, loss, every parameter gradient) with PyTorch.

    /usr/bin/python3 tools/golden_nb201.py [--data ../shared/data] [--out test/fixtures]

Data path: --data, else env PARZC_DATA, else ../shared/data relative to the repo root.
Writes test/fixtures/golden_nb201.json and test/fixtures/golden_nb201.bin (little-endian float32
gradients of every parameter, in `named_parameters()` order, nets concatenated). Weights come from
`init_from_seed(model, 2025)` (mulberry32, bit-exact with src/util/random.ts), fresh PRNG per net.
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

sys.dont_write_bytecode = True  # keep tools/__pycache__ out of the tree
sys.path.insert(0, str(Path(__file__).resolve().parent))
from nb201_torch import (  # noqa: E402
    TinyNetwork,
    closed_form_params,
    conv_linear_modules,
    count_params,
    init_from_seed,
    num_conv_edges,
)

REPO = Path(__file__).resolve().parent.parent
SEED = 2025
BATCH = 8
IMAGES = "data_batch_1_first1000.bin"

NETS = [
    dict(arch="|nor_conv_3x3~0|+|nor_conv_1x1~0|avg_pool_3x3~1|+|skip_connect~0|none~1|nor_conv_1x1~2|", C=16, N=5, classes=10),
    dict(arch="|avg_pool_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+|nor_conv_1x1~0|skip_connect~1|skip_connect~2|", C=16, N=5, classes=10),
    dict(arch="|nor_conv_3x3~0|+|none~0|nor_conv_3x3~1|+|skip_connect~0|none~1|none~2|", C=16, N=5, classes=10),
    dict(arch="|nor_conv_3x3~0|+|nor_conv_1x1~0|avg_pool_3x3~1|+|skip_connect~0|none~1|nor_conv_3x3~2|", C=4, N=1, classes=10),
]

ALL = lambda op: f"|{op}~0|+|{op}~0|{op}~1|+|{op}~0|{op}~1|{op}~2|"  # noqa: E731

# Section A.9 test vectors: (arch, classes, params) and A.8 layer count L = 8 + 15k.
PARAM_VECTORS = [
    (ALL("none"), 10, 73306),
    (ALL("none"), 100, 79156),
    ("|avg_pool_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+|nor_conv_1x1~0|skip_connect~1|skip_connect~2|", 10, 129306),
    ("|avg_pool_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+|nor_conv_1x1~0|skip_connect~1|skip_connect~2|", 100, 135156),
    ("|nor_conv_3x3~0|+|none~0|nor_conv_3x3~1|+|skip_connect~0|none~1|none~2|", 10, 559386),
    (ALL("nor_conv_1x1"), 10, 241306),
    (ALL("avg_pool_3x3"), 10, 73306),
    ("|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_3x3~2|", 10, 1288506),
    (ALL("nor_conv_3x3"), 10, 1531546),
    (ALL("nor_conv_3x3"), 100, 1537396),
    ("|skip_connect~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|nor_conv_1x1~0|nor_conv_1x1~1|none~2|", 10, 615386),
]


def check_network_structure() -> None:
    for arch, k_cls, want in PARAM_VECTORS:
        net = TinyNetwork(arch, C=16, N=5, num_classes=k_cls)
        got = count_params(net)
        assert got == want, f"params {arch} K={k_cls}: {got} != {want}"
        assert closed_form_params(arch, 16, 5, k_cls) == want
        k = num_conv_edges(arch)
        L = len(conv_linear_modules(net))
        assert L == 8 + 15 * k, f"{arch}: {L} conv/linear modules, expected {8 + 15 * k}"
    for spec in NETS:
        net = TinyNetwork(spec["arch"], spec["C"], spec["N"], spec["classes"])
        assert count_params(net) == closed_form_params(spec["arch"], spec["C"], spec["N"], spec["classes"])
        L = len(conv_linear_modules(net))
        assert L == 2 + 3 * num_conv_edges(spec["arch"]) * spec["N"] + 6, (spec, L)
    # A.8 order for the largest arch: stem, 5x6 stage-1 convs, red-1 (a, b, shortcut), ..., classifier
    net = TinyNetwork(ALL("nor_conv_3x3"))
    mods = conv_linear_modules(net)
    sig = [(type(m).__name__, getattr(m, "in_channels", getattr(m, "in_features", None)),
            getattr(m, "out_channels", getattr(m, "out_features", None)), getattr(m, "kernel_size", None),
            getattr(m, "stride", None)) for m in mods]
    want = [("Conv2d", 3, 16, (3, 3), (1, 1))]
    want += [("Conv2d", 16, 16, (3, 3), (1, 1))] * 30
    want += [("Conv2d", 16, 32, (3, 3), (2, 2)), ("Conv2d", 32, 32, (3, 3), (1, 1)), ("Conv2d", 16, 32, (1, 1), (1, 1))]
    want += [("Conv2d", 32, 32, (3, 3), (1, 1))] * 30
    want += [("Conv2d", 32, 64, (3, 3), (2, 2)), ("Conv2d", 64, 64, (3, 3), (1, 1)), ("Conv2d", 32, 64, (1, 1), (1, 1))]
    want += [("Conv2d", 64, 64, (3, 3), (1, 1))] * 30
    want += [("Linear", 64, 10, None, None)]
    assert sig == want, "A.8 module order mismatch"
    # mixed arch: per cell the conv edges in string order (1x1 at p=1, 3x3 at p=0, 1x1 at p=5)
    net = TinyNetwork(NETS[0]["arch"])
    ks = [m.kernel_size[0] for m in conv_linear_modules(net)[1:4]]
    assert ks == [3, 1, 1], ks
    # cell ops: avg pool excludes padding, none is exactly zero
    x = torch.ones(1, 2, 3, 3)
    pool = nn.AvgPool2d(3, 1, 1, count_include_pad=False)
    assert torch.equal(pool(x), x)


def load_batch(data_dir: Path):
    raw = np.fromfile(data_dir / "cifar10" / IMAGES, dtype=np.uint8)
    assert raw.size == 1000 * 3073, raw.size
    rec = raw.reshape(1000, 3073)[:BATCH]
    labels = rec[:, 0].astype(np.int64)
    pix = rec[:, 1:].reshape(BATCH, 3, 32, 32)
    # sanity values from shared/data/README.md
    assert labels.tolist() == [6, 9, 9, 4, 1, 1, 2, 7], labels.tolist()
    assert pix[0, 0, 0, :6].tolist() == [59, 43, 50, 68, 98, 119]
    x = ((pix.astype(np.float32) / np.float32(255.0)) - np.float32(0.5)) / np.float32(0.5)
    return torch.from_numpy(np.ascontiguousarray(x, dtype=np.float32)), torch.from_numpy(labels)


def run_net(spec, x, y):
    torch.manual_seed(0)  # irrelevant (init is seeded), but keeps default-init side effects reproducible
    model = TinyNetwork(spec["arch"], spec["C"], spec["N"], spec["classes"])
    init_from_seed(model, SEED)
    model.train()
    names, params = zip(*model.named_parameters())
    param_sum = [float(p.detach().double().sum().item()) for p in params]
    model.zero_grad()
    logits = model(x)
    loss = nn.CrossEntropyLoss()(logits, y)
    loss.backward()
    head_bn = model.lastact[0]
    stem_bn = model.stem[1]
    grads = [p.grad.detach().float().contiguous().view(-1) for p in params]
    for n, g in zip(names, grads):
        assert torch.isfinite(g).all(), n
    return dict(
        model=model,
        logits=logits.detach(),
        loss=float(loss.item()),
        names=list(names),
        shapes=[list(p.shape) for p in params],
        param_sum=param_sum,
        grads=grads,
        bn_running=dict(
            module="lastact.0",
            num_batches_tracked=int(head_bn.num_batches_tracked.item()),
            running_mean=[float(v) for v in head_bn.running_mean.tolist()],
            running_var=[float(v) for v in head_bn.running_var.tolist()],
        ),
        bn_running_sums=[
            dict(module=n, mean_sum=float(m.running_mean.double().sum().item()),
                 var_sum=float(m.running_var.double().sum().item()))
            for n, m in model.named_modules() if isinstance(m, nn.BatchNorm2d)
        ],
        stem_bn_running=dict(
            module="stem.1",
            running_mean=[float(v) for v in stem_bn.running_mean.tolist()],
            running_var=[float(v) for v in stem_bn.running_var.tolist()],
        ),
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=os.environ.get("PARZC_DATA") or str(REPO / ".." / "shared" / "data"))
    ap.add_argument("--out", default=str(REPO / "test" / "fixtures"))
    args = ap.parse_args()
    torch.set_num_threads(1)
    torch.set_default_dtype(torch.float32)

    check_network_structure()
    data_dir = Path(args.data)
    x, y = load_batch(data_dir)

    out_dir = Path(args.out)
    out_dir.mkdir(parents=True, exist_ok=True)
    nets_json = []
    chunks = []
    offset = 0
    for spec in NETS:
        r = run_net(spec, x, y)
        params_meta = []
        for name, shape, g in zip(r["names"], r["shapes"], r["grads"]):
            params_meta.append(dict(name=name, shape=shape, offset=offset, size=int(g.numel())))
            chunks.append(g.numpy().astype("<f4", copy=False))
            offset += int(g.numel())
        assert math.isfinite(r["loss"])
        nets_json.append(dict(
            arch=spec["arch"],
            C=spec["C"],
            N=spec["N"],
            classes=spec["classes"],
            num_params=count_params(r["model"]),
            num_conv_linear=len(conv_linear_modules(r["model"])),
            logits=[[float(v) for v in row] for row in r["logits"].tolist()],
            loss=r["loss"],
            params=params_meta,
            param_sum=r["param_sum"],
            bn_running=r["bn_running"],
            stem_bn_running=r["stem_bn_running"],
            bn_running_sums=r["bn_running_sums"],
        ))
        print(f"{spec['arch']} C={spec['C']} N={spec['N']}: params={count_params(r['model'])} "
              f"loss={r['loss']:.6f} tensors={len(params_meta)}")

    doc = {
        "generator": "tools/golden_nb201.py",
        "torch": torch.__version__,
        "seed": SEED,
        "init": "mulberry32(seed) per net; Conv2d/Linear in model.modules() order; weight (row-major) then bias; "
                "(2*u-1)/sqrt(fan_in) in float64 -> float32; BN gamma=1 beta=0",
        "images": f"{IMAGES}[0:{BATCH}]",
        "labels": y.tolist(),
        "normalisation": {"mean": 0.5, "std": 0.5},
        "mode": "train (batch-stat BN, momentum 0.1, eps 1e-5), CrossEntropyLoss(mean), float32, 1 thread",
        "bin": "golden_nb201.bin: float32 little-endian gradients, per net in named_parameters() order; "
               "params[i].offset/size are in float32 elements",
        "total_floats": offset,
        "nets": nets_json,
    }
    json_path = out_dir / "golden_nb201.json"
    bin_path = out_dir / "golden_nb201.bin"
    with open(json_path, "w") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")
    np.concatenate(chunks).astype("<f4").tofile(bin_path)
    assert bin_path.stat().st_size == 4 * offset
    print(f"wrote {json_path} ({json_path.stat().st_size} bytes) and {bin_path} "
          f"({bin_path.stat().st_size} bytes, {offset} floats)")


if __name__ == "__main__":
    main()
