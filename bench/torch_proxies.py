"""PyTorch timing baseline for the zero-cost proxies of tools/proxies_torch.py on NB201 (or NB101) CIFAR-10 nets.

    /usr/bin/python3 bench/torch_proxies.py [--space nb201|nb101] [--archs <file or comma list>] [--batch 16]
        [--proxies grad_norm,snip,synflow,...] [--repeats 5] [--threads 1] [--json]

--space nb101: entries are parzc's canonical NB101 strings (pruned cells; a file, or a space-separated list), each built as
tools/nb101_torch.py's Network (stem 128, 3 stacks x 3 cells) with PyTorch's default init.

--archs: comma-separated entries, or a file with one entry per line ('#' comments allowed). An entry
is an arch string or an integer NB201 index, looked up in <data>/nb201/nb201_merged.csv at runtime
(data: --data, env PARZC_DATA, else ../shared/data from the repo root). Default: the
all-nor_conv_3x3 arch (largest) and index 14452.

One timed sample = build a fresh TinyNetwork(arch, C=16, N=5, 10 classes) with PyTorch's default
init (as ParZC's generator: no seed, new net per proxy) + run the proxy on the batch (records
0..batch-1 of the CIFAR-10 train slice, mean/std 0.5; zico's 2nd batch = the next records). Median
over --repeats after --warmup untimed runs. Extra rows:
  init       building the network only (included in every other row);
  parzc_set  grad_norm + snip + synflow_bn, a fresh net per proxy, synflow_bn in place on that net
             (ParZC's generator: BN kept in train mode, no copy), i.e. one ParZC feature vector.
Output: one line per (arch, proxy); with --json, one JSON object per line.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
from pathlib import Path

import torch

sys.dont_write_bytecode = True  # keep bench/ and tools/__pycache__ out of the tree
from torch_common import REPO, resolve_archs, time_ms  # noqa: E402
from nb201_torch import TinyNetwork, conv_linear_modules, count_params  # noqa: E402
import nb101_torch  # noqa: E402
from proxies_torch import PROXIES, load_cifar_records  # noqa: E402

DEFAULT_PROXIES = ["grad_norm", "snip", "grasp", "fisher", "synflow", "synflow_bn", "plain", "l2_norm", "jacov",
                   "nwot", "epe_nas", "zen", "zico", "params", "flops"]
PARZC_SET = ("grad_norm", "snip", "synflow_bn")


def build(space: str, arch: str):
    if space == "nb101":
        return nb101_torch.Network(*nb101_torch.parse_compact(arch))
    return TinyNetwork(arch, C=16, N=5, num_classes=10)


def make_runner(space, arch, proxy, batches):
    (x, y), (x2, y2) = batches

    def fresh():
        net = build(space, arch)
        net.train()
        return net

    if proxy == "init":
        return lambda: fresh()
    if proxy == "parzc_set":
        def run():
            for p in PARZC_SET:
                net = fresh()
                if p == "synflow_bn":
                    PROXIES[p](net, x, y, inplace=True)
                else:
                    PROXIES[p](net, x, y)
        return run
    fn = PROXIES[proxy]
    if proxy == "zico":
        return lambda: fn(fresh(), x, y, x2=x2, y2=y2)
    return lambda: fn(fresh(), x, y)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--space", choices=("nb201", "nb101"), default="nb201")
    ap.add_argument("--archs", default=None)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--proxies", default=",".join(DEFAULT_PROXIES),
                    help="comma list of proxies (also: init, parzc_set); parzc_set and init are added unless --no-extras")
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--warmup", type=int, default=1)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--data", default=os.environ.get("PARZC_DATA") or str(REPO / ".." / "shared" / "data"))
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--no-extras", action="store_true", help="run only --proxies (no init/parzc_set rows): for throughput")
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    data_dir = Path(args.data)
    if args.space == "nb101":
        if args.archs is None:
            raise SystemExit("--space nb101 needs --archs (canonical NB101 strings, or a file of them)")
        # Canonical NB101 strings hold commas: a file has one per line, a list is separated by spaces.
        entries = (open(args.archs).read() if os.path.isfile(args.archs) else args.archs).split()
        archs = [(None, entry) for entry in entries if entry]
    else:
        archs = resolve_archs(args.archs, data_dir)
    proxies = [p.strip() for p in args.proxies.split(",") if p.strip()]
    for extra in () if args.no_extras else ("init", "parzc_set"):
        if extra not in proxies:
            proxies.append(extra)
    for p in proxies:
        if p not in PROXIES and p not in ("init", "parzc_set"):
            raise SystemExit(f"unknown proxy {p!r}; expected one of {', '.join(PROXIES)}, init, parzc_set")
    batches = (load_cifar_records(data_dir, 0, args.batch), load_cifar_records(data_dir, args.batch, args.batch))

    for index, arch in archs:
        probe = build(args.space, arch)
        n_params, n_nodes = count_params(probe), len(conv_linear_modules(probe))
        for proxy in proxies:
            with torch.random.fork_rng():
                torch.manual_seed(0)
                times = time_ms(make_runner(args.space, arch, proxy, batches), args.repeats, args.warmup)
            rec = dict(
                bench="torch_proxies", arch=arch, index=index, proxy=proxy, batch=args.batch, threads=args.threads,
                repeats=args.repeats, median_ms=round(statistics.median(times), 3), min_ms=round(min(times), 3),
                times_ms=[round(t, 3) for t in times], params=n_params, nodes=n_nodes, torch=torch.__version__,
                includes_init=proxy != "init",
            )
            if args.json:
                print(json.dumps(rec), flush=True)
            else:
                name = f"#{index}" if index is not None else arch
                print(f"{name:>8.60s} {proxy:11s} median {rec['median_ms']:10.1f} ms  min {rec['min_ms']:10.1f} ms",
                      flush=True)


if __name__ == "__main__":
    main()
