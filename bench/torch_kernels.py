"""PyTorch baselines for bench/kernels.ts, one thread: conv3x3 (N16, C16→O16, 32×32, pad 1)
forward and forward+backward (dx and dw), and square float32 matmuls. Prints one JSON object.

    /usr/bin/python3 bench/torch_kernels.py [--repeats 20]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys

import torch
import torch.nn.functional as F

sys.dont_write_bytecode = True  # keep bench/__pycache__ out of the tree
from torch_common import time_ms  # noqa: E402


def median_ms(step, repeats: int, warmup: int = 3) -> float:
    return statistics.median(time_ms(step, repeats, warmup))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeats", type=int, default=20)
    args = parser.parse_args()
    torch.set_num_threads(1)
    torch.manual_seed(0)

    x = torch.randn(16, 16, 32, 32, requires_grad=True)
    w = torch.randn(16, 16, 3, 3, requires_grad=True)
    dy = torch.randn(16, 16, 32, 32)

    def conv_forward():
        with torch.no_grad():
            F.conv2d(x, w, padding=1)

    def conv_forward_backward():
        x.grad = None
        w.grad = None
        F.conv2d(x, w, padding=1).backward(dy)

    result = {
        "torch": torch.__version__,
        "threads": torch.get_num_threads(),
        "conv3x3_fwd_ms": median_ms(conv_forward, args.repeats),
        "conv3x3_fwd_bwd_ms": median_ms(conv_forward_backward, args.repeats),
    }
    for n in (256, 1024):
        a, b = torch.randn(n, n), torch.randn(n, n)
        result[f"matmul_{n}_ms"] = median_ms(lambda: torch.mm(a, b), args.repeats)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
