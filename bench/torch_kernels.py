"""PyTorch baselines for bench/kernels.ts, one thread: conv3x3 (N16, C16→O16, 32×32, pad 1)
forward and forward+backward (dx and dw), NB101's widest conv3x3 (512 -> 512, 8x8) forward+backward,
square float32 matmuls, and NB101's max pools and
channel concat/truncation. Prints one JSON object.

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
    wide_x = torch.randn(16, 512, 8, 8, requires_grad=True)
    wide_w = torch.randn(512, 512, 3, 3, requires_grad=True)
    wide_dy = torch.randn(16, 512, 8, 8)

    def wide_forward_backward():
        wide_x.grad = None
        wide_w.grad = None
        F.conv2d(wide_x, wide_w, padding=1).backward(wide_dy)

    # NB101's widest layer (stage 3: 512 -> 512 channels, 8x8, batch 16).
    result["conv3x3_c512_8x8_fwd_bwd_ms"] = median_ms(wide_forward_backward, max(3, args.repeats // 4))
    for n in (256, 1024):
        a, b = torch.randn(n, n), torch.randn(n, n)
        result[f"matmul_{n}_ms"] = median_ms(lambda: torch.mm(a, b), args.repeats)

    # NB101's first stage, 128 channels × batch 16 of 32×32: its max pools (forward + backward),
    # a cell's concat of three vertex outputs, and a truncation to 127 channels.
    stage = torch.randn(16, 128, 32, 32, requires_grad=True)
    pools = {"maxpool3x3": (3, 1, 1), "maxpool2x2": (2, 2, 0)}
    for name, (kernel, stride, pad) in pools.items():
        pool_dy = torch.randn(F.max_pool2d(stage, kernel, stride, pad).shape)

        def pool_forward_backward(kernel=kernel, stride=stride, pad=pad, pool_dy=pool_dy):
            stage.grad = None
            F.max_pool2d(stage, kernel, stride, pad).backward(pool_dy)

        result[f"{name}_fwd_bwd_ms"] = median_ms(pool_forward_backward, args.repeats)
    parts = [torch.randn(16, c, 32, 32, requires_grad=True) for c in (43, 43, 42)]
    stage_dy = torch.randn(16, 128, 32, 32)

    def concat_forward_backward():
        for part in parts:
            part.grad = None
        torch.cat(parts, dim=1).backward(stage_dy)

    def truncate_forward_backward():
        stage.grad = None
        stage[:, :127].backward(stage_dy[:, :127])

    result["concat_channels_fwd_bwd_ms"] = median_ms(concat_forward_backward, args.repeats)
    result["truncate_channels_fwd_bwd_ms"] = median_ms(truncate_forward_backward, args.repeats)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
