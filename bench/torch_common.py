"""Shared pieces of the PyTorch bench scripts: which architectures to time, and how to time them.

An --archs entry is an arch string or an integer NB201 index, looked up in
<data>/nb201/nb201_merged.csv at runtime. Default: the largest arch (all nor_conv_3x3) and index 14452.
"""

from __future__ import annotations

import csv
import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.dont_write_bytecode = True  # keep tools/__pycache__ out of the tree
sys.path.insert(0, str(REPO / "tools"))
from nb201_torch import parse_arch  # noqa: E402

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



def time_ms(run, repeats: int, warmup: int) -> list[float]:
    """Warm up, then time each of `repeats` calls of run() on its own, in milliseconds."""
    for _ in range(warmup):
        run()
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        run()
        times.append((time.perf_counter() - t0) * 1e3)
    return times
