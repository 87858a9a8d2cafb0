"""PyTorch timing baseline: forward + CrossEntropy + backward of NB201 CIFAR-10 networks.

    /usr/bin/python3 bench/torch_nb201.py [--archs <file or comma list>] [--batch 16] [--repeats 5]
                                          [--threads 1] [--json]

--archs: comma-separated entries, or a file with one entry per line ('#' comments allowed). An entry
is an arch string `|op~0|+|op~0|op~1|+|op~0|op~1|op~2|` or an integer NB201 index, looked up in
<data>/nb201/nb201_merged.csv at runtime (data: --data, env PARZC_DATA, else ../shared/data from the
repo root). Default: the all-nor_conv_3x3 arch (largest) and index 14452.
Networks use PyTorch's default init, a random input of the batch shape and random labels; 1 warm-up,
then `--repeats` timed steps (zero grads, forward, CE loss, backward), each timed on its own.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import statistics
import sys
import time
from pathlib import Path

import torch
import torch.nn as nn

REPO = Path(__file__).resolve().parent.parent
sys.dont_write_bytecode = True  # keep tools/__pycache__ out of the tree
sys.path.insert(0, str(REPO / "tools"))
from nb201_torch import TinyNetwork, count_params, parse_arch  # noqa: E402

LARGEST = "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|nor_conv_3x3~0|nor_conv_3x3~1|nor_conv_3x3~2|"
DEFAULT_ENTRIES = [LARGEST, "14452"]


def lookup_indices(csv_path: Path, indices):
    want = set(indices)
    found = {}
    with open(csv_path, newline="") as f:
        for row in csv.DictReader(f):
            i = int(row["index"])
            if i in want:
                found[i] = row["arch_str"]
    missing = want - set(found)
    if missing:
        raise SystemExit(f"indices {sorted(missing)} not in {csv_path}")
    return found


def resolve_archs(spec: str | None, data_dir: Path):
    if spec is None:
        entries = list(DEFAULT_ENTRIES)
    elif os.path.isfile(spec):
        with open(spec) as f:
            entries = [ln.split("#", 1)[0].strip() for ln in f]
        entries = [e for e in entries if e]
    else:
        entries = [e.strip() for e in spec.split(",") if e.strip()]
    idx = [int(e) for e in entries if e.isdigit()]
    table = lookup_indices(data_dir / "nb201" / "nb201_merged.csv", idx) if idx else {}
    out = []
    for e in entries:
        if e.isdigit():
            out.append((int(e), table[int(e)]))
        else:
            parse_arch(e)  # validate
            out.append((None, e))
    return out


def time_arch(arch: str, batch: int, repeats: int, classes: int, warmup: int):
    model = TinyNetwork(arch, C=16, N=5, num_classes=classes)
    model.train()
    x = torch.randn(batch, 3, 32, 32)
    y = torch.randint(0, classes, (batch,))
    loss_fn = nn.CrossEntropyLoss()

    def step():
        model.zero_grad(set_to_none=False)
        loss = loss_fn(model(x), y)
        loss.backward()
        return loss

    for _ in range(warmup):
        step()
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        step()
        times.append((time.perf_counter() - t0) * 1000.0)
    return times, count_params(model)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--archs", default=None, help="file or comma list of arch strings / NB201 indices")
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--warmup", type=int, default=1)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--classes", type=int, default=10)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--json", action="store_true", help="one JSON line per arch (else a readable line)")
    ap.add_argument("--data", default=os.environ.get("PARZC_DATA") or str(REPO / ".." / "shared" / "data"))
    args = ap.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    for index, arch in resolve_archs(args.archs, Path(args.data)):
        times, n_params = time_arch(arch, args.batch, args.repeats, args.classes, args.warmup)
        rec = {
            "arch": arch,
            "batch": args.batch,
            "threads": args.threads,
            "median_ms": round(statistics.median(times), 3),
            "min_ms": round(min(times), 3),
            "torch": torch.__version__,
        }
        if index is not None:
            rec["index"] = index
        rec["params"] = n_params
        if args.json:
            print(json.dumps(rec), flush=True)
        else:
            tag = f"[{index}] " if index is not None else ""
            print(f"{tag}{arch}: median {rec['median_ms']:.1f} ms, min {rec['min_ms']:.1f} ms "
                  f"(batch {args.batch}, {args.threads} thread(s), {n_params} params)", flush=True)


if __name__ == "__main__":
    main()
