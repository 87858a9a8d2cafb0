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
import json
import os
import statistics
import sys
from pathlib import Path

import torch
import torch.nn as nn

sys.dont_write_bytecode = True  # keep bench/__pycache__ out of the tree
from torch_common import REPO, resolve_archs, time_ms  # noqa: E402
from nb201_torch import TinyNetwork, count_params  # noqa: E402

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

    return time_ms(step, repeats, warmup), count_params(model)


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
