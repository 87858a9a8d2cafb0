"""Generate the zero-cost-proxy golden fixture with PyTorch (tools/proxies_torch.py).

    /usr/bin/python3 tools/golden_proxies.py [--data ../shared/data] [--out test/fixtures]

Data path: --data, else env PARZC_DATA, else ../shared/data relative to the repo root.
Writes test/fixtures/golden_proxies.json:
  - 3 tiny NB201 nets (C=4, N=1, 10 classes) with every proxy of tools/proxies_torch.py;
  - 1 full-size net (C=16, N=5) with synflow and synflow_bn only (float64 range: score ~ e^100+).
Weights: init_from_seed(model, 2025) before EVERY proxy (mulberry32, bit-exact with
src/util/random.ts), BN reset; batch = records 0..15 of data_batch_1_first1000.bin, mean/std 0.5;
zico's second batch = records 16..31. float32 (synflow*: float64), train mode, 1 thread.
Non-finite numbers are written as the strings "NaN", "Infinity", "-Infinity"; null = no value.
"""

from __future__ import annotations

import argparse
import copy
import json
import math
import os
import sys
from pathlib import Path

import torch
import torch.nn as nn

sys.dont_write_bytecode = True  # keep tools/__pycache__ out of the tree
sys.path.insert(0, str(Path(__file__).resolve().parent))
from nb201_torch import (  # noqa: E402
    TinyNetwork,
    closed_form_params,
    conv_linear_modules,
    count_params,
    fan_in,
    init_from_seed,
    iter_named_conv_linear,
    num_conv_edges,
)
from proxies_torch import IMAGES, PROXIES, load_cifar_records, run_proxy  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
SEED = 2025
BATCH = 16
ZEN_SEED = 0
ZEN_FIXED_SEED = 7

TINY = [
    "|nor_conv_3x3~0|+|nor_conv_1x1~0|avg_pool_3x3~1|+|skip_connect~0|none~1|nor_conv_3x3~2|",
    "|avg_pool_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+|nor_conv_1x1~0|skip_connect~1|skip_connect~2|",
    "|none~0|+|skip_connect~0|none~1|+|none~0|none~1|avg_pool_3x3~2|",
]
FULL = "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_3x3~2|"

TINY_PROXIES = ["grad_norm", "snip", "grasp", "fisher", "synflow", "synflow_bn", "plain", "l2_norm", "jacov",
                "nwot", "epe_nas", "zen", "zen_fixed", "zico", "params", "flops", "flops_naslib"]
FULL_PROXIES = ["synflow", "synflow_bn"]

PROXY_DOC = {
    "grad_norm": "per node ||dL/dW||_F; score = sum over nodes",
    "snip": "per weight |W*dL/dW|; node = mean; score = sum of all elements",
    "grasp": "per weight -W*(H g), g = dL/dW (constant), H = exact Hessian of L wrt the conv/linear weights "
             "(double backward, two forwards on the same batch, T = 1); node = mean; score = signed sum; "
             "extra: hg_norm[l] = ||(H g)_l||_F, g_norm[l] = ||g_l||_F, g_dot_hg = sum_l <g_l, (H g)_l>",
    "fisher": "F_c = 0.5*mean_n(sum_hw a*dL/da)^2 per output channel, a = raw conv/linear output; node = mean_c F_c "
              "(= mean of the fan-in broadcast tensor); score = sum_l sum_c F_c*fan_in_l; extra F_c_sum[l] = sum_c F_c",
    "synflow": "NASLib: every BN -> identity, all params/buffers abs, float64, input ones [1,3,H,W], R = sum(logits); "
               "per weight |W*dR/dW|; node = mean; score = sum (NOT ln); ln_score = ln(score)",
    "synflow_bn": "as synflow but BN kept in train mode (batch stats over HxW of the single image): ParZC's setting",
    "plain": "per weight dL/dW*W (signed); node = mean; score = sum",
    "l2_norm": "per node ||W||_F; score = sum over nodes; no data",
    "jacov": "J = d(sum logits)/dx [N, 3HW] (train mode); corrcoef(J) in float64; symmetric eigenvalues l; "
             "score = -sum(ln(l+1e-5) + 1/(l+1e-5)); per_node null; extra eigenvalues (ascending)",
    "nwot": "NASLib: forward hooks on every nn.ReLU (cell convs, reductions, head), code = 1[input > 0] per sample; "
            "K += C C^T + (1-C)(1-C)^T; score = slogdet(K)[1]; per_node null",
    "epe_nas": "NASLib: J as jacov; per class c in first-appearance order R_c = corrcoef(rows of class c) (a class with "
               "one sample: R = 1); s_c = sum ln(|R_c| + 1e-5); 10 classes <= 100: score = sum_c |s_c|; extra per_class",
    "zen": "see zen_protocol; per_node null; extra delta, ln_delta, bn_term (score = ln_delta + bn_term), n_bn",
    "zen_fixed": "see zen_fixed_protocol; per_node null; extra as zen plus debug values of the generator",
    "zico": "two batches (records 0..15, 16..31); g_b = dL_b/dW; per element mu = mean_b|g_b|, sigma = std_b g_b (ddof 0); "
            "T_l = sum_{sigma != 0} mu/sigma; node = ln T_l (null if T_l = 0); score = sum of ln T_l over T_l > 0; extra T",
    "params": "score = total parameter count / 1e6 (incl. BN gamma/beta and biases); node = weight element count",
    "flops": "NB201 AutoDL rule, batch 1: conv k*k*Cin*Cout*Hout*Wout (+Cout*Hout*Wout if bias), linear in*out+out, "
             "nothing else; node = MACs/1e6; score = total/1e6",
    "flops_naslib": "NAS-Bench-Suite-Zero rule (tensorwatch), batch 1: conv as flops (+bias term), BN 2*numel (affine), "
                    "ReLU numel of its input, AvgPool k*k*output numel, AdaptiveAvgPool C*(H+1)*(W+1) of its input, "
                    "Linear in*out (no bias), identity/zero/add 0; node = the conv/linear terms / 1e6; score = total/1e6 "
                    "(reproduces all 982 C10/C100 stored NASLib values exactly)",
}


def enc(v):
    if v is None:
        return None
    if isinstance(v, (list, tuple)):
        return [enc(u) for u in v]
    if isinstance(v, dict):
        return {k: enc(u) for k, u in v.items()}
    if isinstance(v, float):
        if math.isnan(v):
            return "NaN"
        if math.isinf(v):
            return "Infinity" if v > 0 else "-Infinity"
        return v
    return v


def grasp_fd_float64(model, x, y, hg_norm, eps_list=(1e-3, 1e-5, 1e-7)):
    """Central finite-difference H g on a float64 copy of the seeded model, for several eps:
    per-layer ||FD_l|| / ||(H g)_l|| (exact, float32 model) and the FD grasp score."""
    init_from_seed(model, SEED)
    md = copy.deepcopy(model).double().train()
    xd = x.double()
    W = [m.weight for m in conv_linear_modules(md)]

    def grads():
        loss = nn.CrossEntropyLoss()(md(xd), y)
        return [t.detach() for t in torch.autograd.grad(loss, W)]

    g = grads()
    rows = []
    for eps in eps_list:
        res = []
        for sign in (1.0, -1.0):
            with torch.no_grad():
                for w, gi in zip(W, g):
                    w.add_(sign * eps * gi)
            res.append(grads())
            with torch.no_grad():
                for w, gi in zip(W, g):
                    w.sub_(sign * eps * gi)
        fd = [(a - b) / (2 * eps) for a, b in zip(*res)]
        rows.append(dict(eps=eps,
                         hg_norm_ratio=[float(f.norm()) / h if h > 0 else None for f, h in zip(fd, hg_norm)],
                         score=float(sum(float((-w.detach() * f).sum()) for w, f in zip(W, fd)))))
    return rows


def run_net(arch, C, N, proxies, batches):
    (x, y), (x2, y2) = batches
    model = TinyNetwork(arch, C=C, N=N, num_classes=10)
    assert count_params(model) == closed_form_params(arch, C, N, 10)
    layers = []
    for name, m in iter_named_conv_linear(model):
        layers.append(dict(name=name, type=type(m).__name__, shape=list(m.weight.shape), fan_in=fan_in(m),
                           bias=m.bias is not None))
    L = len(layers)
    assert L == 2 + 3 * num_conv_edges(arch) * N + 6
    out = {}
    for p in proxies:
        info = {}
        per_node, score = run_proxy(p, model, x, y, seed=SEED, info=info, x2=x2, y2=y2,
                                    zen_seed=ZEN_SEED if p == "zen" else ZEN_FIXED_SEED)
        if per_node is not None:
            assert len(per_node) == L, (p, len(per_node), L)
        rec = dict(per_node=per_node, score=score)
        if p in ("synflow", "synflow_bn"):
            rec["ln_score"] = math.log(score) if score > 0 else float("nan")
        if p == "grasp":
            rec.update(hg_norm=info["hg_norm"], g_norm=info["g_norm"], g_dot_hg=info["g_dot_hg"])
            if C * N <= 4:
                rec["fd_float64"] = grasp_fd_float64(model, x, y, info["hg_norm"])
        if p == "fisher":
            rec["F_c_sum"] = info["F_c_sum"]
        if p == "jacov":
            rec["eigenvalues"] = info.get("eigenvalues")
        if p == "epe_nas":
            rec["per_class"] = info.get("per_class")
        if p in ("zen", "zen_fixed"):
            rec.update(delta=info["delta"], ln_delta=info["ln_delta"], bn_term=info["bn_term"], n_bn=info["n_bn"])
            if p == "zen_fixed":
                rec["debug"] = info["debug"]
        if p == "zico":
            rec["T"] = info["T"]
        if p == "nwot":
            rec.update(n_relu=info["n_relu"], K_sign=info["K_sign"], K_trace=info["K_trace"])
        out[p] = rec
        s = f"{score:.6g}" if isinstance(score, float) else score
        print(f"  {p:11s} score={s}")
    # proxies must not disturb each other: rerunning the first proxy last gives the identical result
    again = run_proxy(proxies[0], model, x, y, seed=SEED, x2=x2, y2=y2, zen_seed=ZEN_SEED)
    assert again == (out[proxies[0]]["per_node"], out[proxies[0]]["score"]), "proxy runs are not independent"
    return dict(arch=arch, C=C, N=N, classes=10, k=num_conv_edges(arch), L=L,
                num_params=count_params(model), layers=layers, proxies=out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=os.environ.get("PARZC_DATA") or str(REPO / ".." / "shared" / "data"))
    ap.add_argument("--out", default=str(REPO / "test" / "fixtures"))
    args = ap.parse_args()
    torch.set_num_threads(1)
    torch.set_default_dtype(torch.float32)
    assert set(TINY_PROXIES) == set(PROXIES), "fixture must cover every proxy"

    data_dir = Path(args.data)
    x, y = load_cifar_records(data_dir, 0, BATCH)
    x2, y2 = load_cifar_records(data_dir, BATCH, BATCH)
    assert y[:8].tolist() == [6, 9, 9, 4, 1, 1, 2, 7], y.tolist()
    batches = ((x, y), (x2, y2))

    nets = []
    for arch in TINY:
        print(f"{arch} C=4 N=1")
        nets.append(run_net(arch, 4, 1, TINY_PROXIES, batches))
    print(f"{FULL} C=16 N=5")
    nets.append(run_net(FULL, 16, 5, FULL_PROXIES, batches))
    # BN-free synflow overflows float32 (ln > 88.7); with train-mode BN (ParZC) every BN renormalises, so
    # synflow_bn stays O(10) and is dominated by the classifier.
    assert nets[-1]["proxies"]["synflow"]["ln_score"] > 88.7, "full-size synflow should overflow float32"

    doc = {
        "generator": "tools/golden_proxies.py (proxies: tools/proxies_torch.py)",
        "torch": torch.__version__,
        "seed": SEED,
        "init": "init_from_seed(model, 2025) before EVERY proxy: mulberry32(seed); Conv2d/Linear in model.modules() "
                "order; weight (row-major) then bias; (2*u-1)/sqrt(fan_in) in float64 -> float32; BN gamma=1 beta=0, "
                "running_mean 0, running_var 1, num_batches_tracked 0; gradients cleared",
        "images": f"{IMAGES}[0:{BATCH}]",
        "labels": y.tolist(),
        "zico_second_batch": {"images": f"{IMAGES}[{BATCH}:{2 * BATCH}]", "labels": y2.tolist()},
        "normalisation": {"mean": 0.5, "std": 0.5, "formula": "x = (f32(pixel/255) - 0.5) / 0.5 in float32, NCHW"},
        "mode": "train mode (batch-stat BN, momentum 0.1, eps 1e-5), CrossEntropyLoss(mean), float32 except "
                "synflow/synflow_bn (float64), 1 thread",
        "per_node": "one value per Conv2d/Linear weight in model.modules() order (nets[i].layers, L = 8+15k for N=5; "
                    "2+3kN+6 in general); MEAN over the layer's per-weight score tensor, except grad_norm/l2_norm "
                    "(Frobenius norm); null for whole-network proxies (jacov, nwot, epe_nas, zen, zen_fixed)",
        "reductions": "per-weight tensors computed in the model dtype (float32, synflow* float64); every mean/norm/sum "
                      "reduced in float64 from those tensors",
        "nonfinite": "NaN/+-inf written as the strings \"NaN\", \"Infinity\", \"-Infinity\"; null = no value",
        "zen_protocol": (
            f"copy of the model; g = torch.Generator().manual_seed({ZEN_SEED}); for every Conv2d/Linear in "
            "model.modules() order: weight.normal_(0, 1, generator=g) (bias <- 0, no draw); BN gamma=1 beta=0, "
            "running stats reset; then x1 = torch.randn([16,3,32,32], generator=g), x2 = torch.randn(same, generator=g); "
            "train mode, no grad; f = head BN+ReLU output (before global pooling); f1 = f(x1) first, then "
            "f2 = f(x_mix) with x_mix = x1 + 0.01*x2 (float32); delta = mean_n sum_chw |f1 - f2|; "
            "bn_term = sum over all BatchNorm2d of ln sqrt(mean_c running_var) read after both forwards "
            "(running_var = 0.9*(0.9 + 0.1*v1) + 0.1*v2, v = unbiased batch variance); score = ln(delta) + bn_term. "
            "torch's RNG is not reproducible in TS: compare delta/bn_term/score only statistically, or use zen_fixed."),
        "zen_fixed_protocol": (
            f"as zen_protocol but every Gaussian comes from ONE Mulberry32({ZEN_FIXED_SEED}) stream (nb201_torch.Mulberry32 "
            "= src/util/random.ts Random): z = sqrt(-2*ln(1 - u1)) * cos(2*pi*u2), u = next_uint32()/2^32, u1 drawn "
            "before u2, one z per two uniforms (= Random.normal()), computed in float64 then rounded to float32. "
            "Draw order: all Conv2d/Linear weights in model.modules() order, each weight flattened row-major "
            "(OIHW / [out,in]) (biases set to 0 without drawing), then x1 (16*3*32*32 values, NCHW flat), then x2. "
            "debug: first_weight_values = first 4 stem weights, x1_first/x2_first, sums, rng_state_after (uint32 "
            "state after the last draw)."),
        "grasp_note": "hg_norm is the EXACT Hessian-gradient product (double backward; ReLU second derivative 0). "
                      "A central finite difference [grad(W+eps g) - grad(W-eps g)]/(2 eps) crosses ReLU kinks when eps "
                      "is large: fd_float64 lists, per eps, ||FD_l||/||(Hg)_l|| per layer and the FD grasp score, "
                      "computed on a float64 copy of the seeded tiny net (float32 FD is worse: roundoff forces a large eps).",
        "proxies": PROXY_DOC,
        "nets": nets,
    }
    out_dir = Path(args.out)
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / "golden_proxies.json"
    with open(path, "w") as f:
        json.dump(enc(doc), f, indent=1, allow_nan=False)
        f.write("\n")
    print(f"wrote {path} ({path.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
