"""Reference PyTorch zero-cost proxies on the NB201 `TinyNetwork` of tools/nb201_torch.py.

Run with Debian's torch: `/usr/bin/python3` (plain `python3` has no torch).

Written from docs/nb201-and-proxies.md section B (formulas) and section C (ParZC's per-node
convention). Every proxy function is `fn(model, x, y, **kw) -> (per_node, score)`:

  per_node  one float per Conv2d/Linear *weight* in `model.modules()` order (A.8 order, 8 + 15k
            entries), or None for whole-network proxies (jacov, nwot, epe_nas, zen);
  score     the proxy's aggregate.

Per-node value = arithmetic MEAN over the layer's per-weight score tensor (ParZC C.1 item 5), except
grad_norm / l2_norm, whose per-layer value is the Frobenius norm (already a scalar).
Aggregate = the documented reduction: sum over all elements of all layers (snip, grasp, fisher,
plain, synflow, synflow_bn), or sum over layers of the norms (grad_norm, l2_norm).

Conventions (all proxies)
  - the caller hands in a freshly initialised model; `run_proxy()` re-applies `init_from_seed`
    (or a state snapshot) before every proxy, so one proxy cannot disturb another; BN running
    stats are reset by that too; gradients are zeroed (set to None);
  - model in train mode (BN uses batch statistics and updates its running stats);
  - loss = CrossEntropyLoss (mean reduction);
  - float32, except synflow / synflow_bn (float64);
  - per-weight tensors are computed in the model's dtype (float32 / float64), and every reduction
    (per-node means, norms, aggregates) is then taken in float64 from those tensors, so the stored
    numbers are the well-defined value of the float32 tensors, not torch's float32 summation order;
  - proxies that mutate the network (synflow, synflow_bn, zen, zen_fixed) work on a deep copy.

Optional `info` dict: grasp fills `hg_norm` (per-layer ||H g||_F, the exact Hessian-gradient product)
and `g_norm`; zen / zen_fixed fill `delta`, `ln_delta`, `bn_term`, `n_bn`; zico fills `T`.

CLI: `/usr/bin/python3 tools/proxies_torch.py --naslib-check 100 [--device cuda]` computes the proxies
on 100 random (RandomState(0)) CIFAR-10 archs of shared/data/naslib_zc/zc_nasbench201_subset.csv
(C=16, N=5, PyTorch default init with torch.manual_seed(1000+i), batch 32 = train records 0..31, zico's
2nd batch 32..63, NASLib normalisation, no augmentation) and prints the Spearman rank correlation with
NASLib's stored scores, with the GRAF copy of NB-Suite-Zero (shared/data/nbsz_graf, valid nets only;
its jacov/nwot/epe_nas were computed with batch 64: max jacov there is -64.95) and with val_accuracy.
Result (H100, torch 2.11, 81 s): rho vs NASLib subset / vs GRAF (66 archs):
  grad_norm 0.980/0.982  snip 0.985/0.986  grasp 0.712/0.631  fisher 0.971/0.971  synflow 0.999/0.999
  synflow_bn -0.036/0.126 (vs NASLib's BN-free synflow)  plain 0.345/0.186  l2_norm 0.944/0.928
  jacov 0.921/0.927  nwot -/0.993  epe_nas 0.727/0.768  zen -/0.997  params 1.000/1.000
  flops (AutoDL rule) 0.994/0.995; flops_naslib reproduces all 982 stored C10/C100 values exactly.
"""

from __future__ import annotations

import copy
import inspect
import math
import sys
from pathlib import Path
from typing import Callable, Dict, List, Optional, Sequence, Tuple

import numpy as np
import torch
import torch.nn as nn

sys.dont_write_bytecode = True  # keep tools/__pycache__ out of the tree
sys.path.insert(0, str(Path(__file__).resolve().parent))
from nb201_torch import (  # noqa: E402
    Mulberry32,
    conv_linear_modules,
    count_params,
    fan_in,
    init_from_seed,
)

REPO = Path(__file__).resolve().parent.parent
IMAGES = "data_batch_1_first1000.bin"
NASLIB_MEAN = (0.49139968, 0.48215827, 0.44653124)
NASLIB_STD = (0.24703233, 0.24348505, 0.26158768)

PerNode = Optional[List[Optional[float]]]
Result = Tuple[PerNode, float]


# --------------------------------------------------------------------------------------------
# Data
# --------------------------------------------------------------------------------------------

def load_cifar_records(data_dir: Path, start: int, count: int, mean=0.5, std=0.5, images: str = IMAGES):
    """Records [start, start+count) of the CIFAR-10 binary slice -> (x float32 NCHW, y int64).

    x = ((pixel / 255) - mean_c) / std_c, all in float32 (as torchvision ToTensor + Normalize).
    """
    raw = np.fromfile(Path(data_dir) / "cifar10" / images, dtype=np.uint8)
    assert raw.size == 1000 * 3073, raw.size
    rec = raw.reshape(1000, 3073)[start:start + count]
    assert rec.shape[0] == count, (start, count)
    labels = rec[:, 0].astype(np.int64)
    pix = rec[:, 1:].reshape(count, 3, 32, 32).astype(np.float32) / np.float32(255.0)
    m = np.asarray(mean, dtype=np.float32).reshape(-1, 1, 1) if not np.isscalar(mean) else np.float32(mean)
    s = np.asarray(std, dtype=np.float32).reshape(-1, 1, 1) if not np.isscalar(std) else np.float32(std)
    x = (pix - m) / s
    return torch.from_numpy(np.ascontiguousarray(x, dtype=np.float32)), torch.from_numpy(labels)


# --------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------

def _f64(t: torch.Tensor) -> torch.Tensor:
    return t.detach().to(torch.float64)


def _weight_grad(m: nn.Module) -> torch.Tensor:
    g = m.weight.grad
    return torch.zeros_like(m.weight) if g is None else g.detach()


def _elementwise(layers: Sequence[nn.Module], per_weight: Callable[[nn.Module], torch.Tensor]) -> Result:
    """Per-node mean and aggregate sum of a per-weight score tensor."""
    per_node, score = [], 0.0
    for m in layers:
        s = _f64(per_weight(m))
        per_node.append(float(s.mean().item()))
        score += float(s.sum().item())
    return per_node, score


def _ce_backward(model: nn.Module, x, y) -> torch.Tensor:
    model.train()
    model.zero_grad(set_to_none=True)
    loss = nn.CrossEntropyLoss()(model(x), y)
    loss.backward()
    return loss


def forward_before_gap(model: nn.Module, x: torch.Tensor) -> torch.Tensor:
    """Feature map just before global average pooling: output of the head BN+ReLU (B.11)."""
    feat = model.stem(x)
    for cell in model.cells:
        feat = cell(feat)
    return model.lastact(feat)


def _replace_bn_with_identity(net: nn.Module) -> None:
    for parent in list(net.modules()):
        for name, child in list(parent._modules.items()):
            if isinstance(child, nn.BatchNorm2d):
                parent._modules[name] = nn.Identity()


def snapshot_state(model: nn.Module) -> Dict[str, torch.Tensor]:
    return {k: v.detach().clone() for k, v in model.state_dict().items()}


def restore_state(model: nn.Module, state: Dict[str, torch.Tensor]) -> None:
    model.load_state_dict(state)
    model.zero_grad(set_to_none=True)
    model.train()


# --------------------------------------------------------------------------------------------
# Gradient proxies (B.1, B.2, B.6, B.7)
# --------------------------------------------------------------------------------------------

def grad_norm(model, x, y, info=None) -> Result:
    """B.1: per layer ||dL/dW||_F; score = sum over layers."""
    _ce_backward(model, x, y)
    per_node = [float(torch.linalg.vector_norm(_f64(_weight_grad(m))).item()) for m in conv_linear_modules(model)]
    return per_node, float(sum(per_node))


def snip(model, x, y, info=None) -> Result:
    """B.2: |W (.) dL/dW| (= |dL/dmask| at mask 1); node = mean, score = sum."""
    _ce_backward(model, x, y)
    return _elementwise(conv_linear_modules(model), lambda m: (m.weight.detach() * _weight_grad(m)).abs())


def plain(model, x, y, info=None) -> Result:
    """B.6: dL/dW (.) W, signed; node = mean, score = sum."""
    _ce_backward(model, x, y)
    return _elementwise(conv_linear_modules(model), lambda m: _weight_grad(m) * m.weight.detach())


def l2_norm(model, x=None, y=None, info=None) -> Result:
    """B.7: per layer ||W||_F; score = sum over layers. No data."""
    per_node = [float(torch.linalg.vector_norm(_f64(m.weight)).item()) for m in conv_linear_modules(model)]
    return per_node, float(sum(per_node))


# --------------------------------------------------------------------------------------------
# fisher (B.4)
# --------------------------------------------------------------------------------------------

def fisher(model, x, y, info=None) -> Result:
    """B.4 channel mode: F_c = 1/2 mean_n (sum_hw a*dL/da)^2 with a = raw conv/linear output.

    Per node = mean of the fan-in broadcast tensor = mean_c F_c; score = sum_l sum_c F_c * fan_in_l.
    """
    layers = conv_linear_modules(model)
    acts: Dict[nn.Module, torch.Tensor] = {}
    grads: Dict[nn.Module, torch.Tensor] = {}

    def fwd_hook(m, inp, out):
        acts[m] = out.detach()
        out.register_hook(lambda g, m=m: grads.__setitem__(m, g.detach()))

    handles = [m.register_forward_hook(fwd_hook) for m in layers]
    try:
        _ce_backward(model, x, y)
    finally:
        for h in handles:
            h.remove()
    per_node, score, channels = [], 0.0, []
    for m in layers:
        if m not in grads:  # layer outside the graph: contributes 0
            fc = torch.zeros(m.weight.shape[0], dtype=torch.float64)
        else:
            a, g = acts[m], grads[m]
            t = (a * g).sum(dim=list(range(2, a.dim()))) if a.dim() > 2 else a * g  # [N, C] in float32
            fc = _f64(t.pow(2).mean(0).mul(0.5)).abs()
        channels.append(fc)
        per_node.append(float(fc.mean().item()))
        score += float(fc.sum().item()) * fan_in(m)
    if info is not None:
        info["F_c_sum"] = [float(c.sum().item()) for c in channels]
    return per_node, score


# --------------------------------------------------------------------------------------------
# grasp (B.3)
# --------------------------------------------------------------------------------------------

def grasp(model, x, y, info=None, T: float = 1.0) -> Result:
    """B.3: per weight -W (.) (H g); g = dL/dW treated as a constant, H = exact Hessian of L
    restricted to the conv/linear weights (double backward, BN train-mode terms included).
    Two separate forwards on the same batch, as the reference. Node = mean, score = signed sum."""
    model.train()
    model.zero_grad(set_to_none=True)
    layers = conv_linear_modules(model)
    weights = [m.weight for m in layers]
    loss_fn = nn.CrossEntropyLoss()
    loss = loss_fn(model(x) / T, y)
    g = torch.autograd.grad(loss, weights, allow_unused=True)
    g = [torch.zeros_like(w) if gi is None else gi.detach() for gi, w in zip(g, weights)]
    model.zero_grad(set_to_none=True)
    loss2 = loss_fn(model(x) / T, y)
    grad_f = torch.autograd.grad(loss2, weights, create_graph=True, allow_unused=True)
    z = 0
    for gi, gf in zip(g, grad_f):
        if gf is not None:
            z = z + (gi * gf).sum()
    hg = torch.autograd.grad(z, weights, allow_unused=True)
    hg = [torch.zeros_like(w) if h is None else h.detach() for h, w in zip(hg, weights)]
    per_node, score = [], 0.0
    for w, h in zip(weights, hg):
        s = _f64(-w.detach() * h)
        per_node.append(float(s.mean().item()))
        score += float(s.sum().item())
    if info is not None:
        info["hg_norm"] = [float(torch.linalg.vector_norm(_f64(h)).item()) for h in hg]
        info["g_norm"] = [float(torch.linalg.vector_norm(_f64(gi)).item()) for gi in g]
        info["g_dot_hg"] = float(sum(float((_f64(gi) * _f64(h)).sum().item()) for gi, h in zip(g, hg)))
    return per_node, score


# --------------------------------------------------------------------------------------------
# synflow (B.5)
# --------------------------------------------------------------------------------------------

def _synflow(model, x, keep_bn: bool, inplace: bool = False) -> Result:
    net = model if inplace else copy.deepcopy(model)
    if not keep_bn:
        _replace_bn_with_identity(net)  # NASLib: every BN -> identity
    net = net.double()
    with torch.no_grad():
        for t in net.state_dict().values():  # weights, biases, BN gamma/beta and running buffers
            if t.is_floating_point():
                t.abs_()
    net.train()
    net.zero_grad(set_to_none=True)
    ones = torch.ones([1] + list(x.shape[1:]), dtype=torch.float64, device=x.device)
    r = net(ones).sum()
    r.backward()
    return _elementwise(conv_linear_modules(net), lambda m: (m.weight.detach() * _weight_grad(m)).abs())


def synflow(model, x, y=None, info=None, inplace: bool = False) -> Result:
    """B.5, NASLib setting: BN removed (identity), |params|, float64, input ones [1,C,H,W],
    R = sum(logits); per weight |W (.) dR/dW|; node = mean, score = sum (not ln)."""
    return _synflow(model, x, keep_bn=False, inplace=inplace)


def synflow_bn(model, x, y=None, info=None, inplace: bool = False) -> Result:
    """ParZC's own setting (C.1 item 3): as synflow but BN kept, in train mode (batch stats over HxW)."""
    return _synflow(model, x, keep_bn=True, inplace=inplace)


# --------------------------------------------------------------------------------------------
# Jacobian proxies (B.8, B.10)
# --------------------------------------------------------------------------------------------

def input_jacobian(model, x) -> np.ndarray:
    """J = d(sum of all logits)/dx, flattened to [N, C*H*W] (float32), model in train mode."""
    model.train()
    model.zero_grad(set_to_none=True)
    xg = x.detach().clone().requires_grad_(True)
    out = model(xg)
    out.backward(torch.ones_like(out))
    return xg.grad.detach().reshape(x.shape[0], -1).cpu().numpy()


def jacov(model, x, y=None, info=None, k: float = 1e-5) -> Result:
    """B.8: corr = corrcoef(J) (float64), eigenvalues (symmetric solver), -sum(ln(l+k) + 1/(l+k))."""
    J = input_jacobian(model, x)
    with np.errstate(all="ignore"):
        corr = np.corrcoef(J)
        if not np.all(np.isfinite(corr)):
            return None, float("nan")
        lam = np.linalg.eigvalsh(corr)
        score = float(-np.sum(np.log(lam + k) + 1.0 / (lam + k)))
    if info is not None:
        info["eigenvalues"] = [float(v) for v in lam]
    return None, score


def epe_nas(model, x, y, info=None, k: float = 1e-5) -> Result:
    """B.10 (NASLib): per class c present (first-appearance order) R_c = corrcoef(J_c),
    s_c = sum ln(|R_c| + k) (one-sample class: R = 1); K = logit width;
    K <= 100: sum_c |s_c|; else s_c /= size(R_c) and sum_c sum_c' |s_c - s_c'| / #classes."""
    J = input_jacobian(model, x)
    n_classes = model.classifier.out_features
    labels = y.cpu().numpy().tolist()
    order: List[int] = []
    for lab in labels:
        if lab not in order:
            order.append(lab)
    s: Dict[int, float] = {}
    with np.errstate(all="ignore"):
        for c in order:
            rows = J[[i for i, lab in enumerate(labels) if lab == c]]
            if rows.shape[0] == 1:
                corr = np.array(1.0)
                if n_classes > 100:
                    continue  # len() of a 0-d array raises in the reference: class skipped
            else:
                corr = np.corrcoef(rows)
            sc = float(np.sum(np.log(np.abs(corr) + k)))
            if n_classes > 100:
                sc /= corr.shape[0]
            s[c] = sc
    if n_classes <= 100:
        score = float(sum(abs(v) for v in s.values()))
    else:
        score = float(sum(abs(a - b) for a in s.values() for b in s.values()) / len(s))
    if info is not None:
        info["per_class"] = {str(c): v for c, v in s.items()}
    return None, score


# --------------------------------------------------------------------------------------------
# nwot (B.9, NASLib variant)
# --------------------------------------------------------------------------------------------

def nwot(model, x, y=None, info=None) -> Result:
    """B.9 NASLib: hooks on every nn.ReLU, binary code of the ReLU *input* per sample,
    K += C C^T + (1-C)(1-C)^T (exact integers, float64), score = slogdet(K)[1]; one train-mode forward."""
    n = x.shape[0]
    K = np.zeros((n, n), dtype=np.float64)
    relus = [m for m in model.modules() if isinstance(m, nn.ReLU)]

    def hook(m, inp, out):
        c = (inp[0].detach().reshape(n, -1) > 0).to(torch.float64)
        K[...] += (c @ c.t() + (1.0 - c) @ (1.0 - c).t()).cpu().numpy()

    handles = [m.register_forward_hook(hook) for m in relus]
    try:
        model.train()
        with torch.no_grad():
            model(x.clone())
    finally:
        for h in handles:
            h.remove()
    sign, logdet = np.linalg.slogdet(K)
    if info is not None:
        info["n_relu"] = len(relus)
        info["K_sign"] = float(sign)
        info["K_trace"] = float(np.trace(K))
    return None, float(logdet)


# --------------------------------------------------------------------------------------------
# zen (B.11)
# --------------------------------------------------------------------------------------------

def _zen_reset_norms(net: nn.Module) -> None:
    for m in net.modules():
        if isinstance(m, (nn.Conv2d, nn.Linear)) and m.bias is not None:
            m.bias.zero_()
        elif isinstance(m, nn.BatchNorm2d):
            m.weight.fill_(1.0)
            m.bias.zero_()
            m.reset_running_stats()


def _zen_core(net: nn.Module, x1: torch.Tensor, x2: torch.Tensor, gamma: float, info) -> Result:
    net.train()
    with torch.no_grad():
        xm = x1 + gamma * x2
        f1 = forward_before_gap(net, x1)
        f2 = forward_before_gap(net, xm)
        delta = float(_f64((f1 - f2).abs()).sum(dim=[1, 2, 3]).mean().item())
        bn_term, n_bn = 0.0, 0
        for m in net.modules():
            if isinstance(m, nn.BatchNorm2d):
                bn_term += math.log(math.sqrt(float(_f64(m.running_var).mean().item())))
                n_bn += 1
    ln_delta = math.log(delta) if delta > 0 else float("-inf")
    if info is not None:
        info.update(delta=delta, ln_delta=ln_delta, bn_term=bn_term, n_bn=n_bn)
    return None, ln_delta + bn_term


def zen(model, x, y=None, info=None, seed: int = 0, gamma: float = 0.01) -> Result:
    """B.11 with a torch.Generator seeded by `seed`. Draw order (all from that one generator):
    for every Conv2d/Linear in model.modules() order `weight.normal_(0, 1, generator=g)` (biases 0,
    no draw); then x1 = torch.randn(x.shape, generator=g), then x2 = torch.randn(x.shape, generator=g).
    BN gamma=1 beta=0, running stats reset. Train mode, no grad: f(x1), then f(x1 + 0.01*x2).
    Score = ln(mean_n sum_chw |f(x1) - f(x_mix)|) + sum_BN ln sqrt(mean_c running_var), running_var
    read after both forwards. Works on a deep copy."""
    net = copy.deepcopy(model)
    g = torch.Generator(device=x.device).manual_seed(seed)
    with torch.no_grad():
        for m in net.modules():
            if isinstance(m, (nn.Conv2d, nn.Linear)):
                m.weight.normal_(0.0, 1.0, generator=g)
        _zen_reset_norms(net)
        x1 = torch.randn(list(x.shape), generator=g, dtype=torch.float32, device=x.device)
        x2 = torch.randn(list(x.shape), generator=g, dtype=torch.float32, device=x.device)
    return _zen_core(net, x1, x2, gamma, info)


def mulberry_normals(rng: Mulberry32, n: int) -> np.ndarray:
    """n standard normals: z = sqrt(-2 ln(1 - u1)) * cos(2 pi u2), one value per two uniforms
    (u = next_uint32 / 2^32), float64 (as src/util/random.ts `normal()`); caller rounds to float32."""
    out = np.empty(n, dtype=np.float64)
    s = rng.state
    M = 0xFFFFFFFF
    log, sqrt, cos, twopi = math.log, math.sqrt, math.cos, 2.0 * math.pi
    for i in range(n):
        us = []
        for _ in range(2):
            s = (s + 0x6D2B79F5) & M
            t = s
            t = ((t ^ (t >> 15)) * (t | 1)) & M
            t ^= (t + (((t ^ (t >> 7)) * (t | 61)) & M)) & M
            us.append(((t ^ (t >> 14)) & M) / 4294967296.0)
        out[i] = sqrt(-2.0 * log(1.0 - us[0])) * cos(twopi * us[1])
    rng.state = s
    return out


def zen_fixed(model, x, y=None, info=None, seed: int = 7, gamma: float = 0.01) -> Result:
    """zen with a TS-reproducible Gaussian source instead of torch's RNG: one Mulberry32(seed) stream,
    Box-Muller as `mulberry_normals` (float64, then rounded to float32). Draw order: every
    Conv2d/Linear weight in model.modules() order (row-major OIHW / [out,in]; biases set to 0
    without drawing), then x1 (NCHW flat, the batch's shape), then x2. Rest as `zen`."""
    net = copy.deepcopy(model)
    rng = Mulberry32(seed)
    with torch.no_grad():
        first_w = None
        for m in net.modules():
            if isinstance(m, (nn.Conv2d, nn.Linear)):
                v = mulberry_normals(rng, m.weight.numel())
                if first_w is None:
                    first_w = v[:4].astype(np.float32).tolist()
                m.weight.copy_(torch.from_numpy(v.astype(np.float32)).view(m.weight.shape))
        _zen_reset_norms(net)
        n = int(np.prod(x.shape))
        x1 = torch.from_numpy(mulberry_normals(rng, n).astype(np.float32)).view(x.shape).to(x.device)
        x2 = torch.from_numpy(mulberry_normals(rng, n).astype(np.float32)).view(x.shape).to(x.device)
    if info is not None:
        info["debug"] = dict(
            first_weight_values=[float(v) for v in first_w],
            x1_first=[float(v) for v in x1.reshape(-1)[:4]],
            x2_first=[float(v) for v in x2.reshape(-1)[:4]],
            x1_sum=float(_f64(x1).sum().item()),
            x2_sum=float(_f64(x2).sum().item()),
            weight_sum=float(sum(_f64(m.weight).sum().item() for m in conv_linear_modules(net))),
            rng_state_after=rng.state,
        )
    return _zen_core(net, x1, x2, gamma, info)


# --------------------------------------------------------------------------------------------
# zico (B.12)
# --------------------------------------------------------------------------------------------

def zico(model, x, y, info=None, x2=None, y2=None) -> Result:
    """B.12 with two distinct batches: g_b = dL_b/dW (train mode, grads zeroed before each);
    per element mu = mean_b |g_b|, sigma = std_b g_b (ddof 0); T_l = sum over sigma != 0 of mu/sigma.
    Per node = ln T_l (None where T_l = 0); score = sum_l ln T_l over T_l > 0. float64 statistics."""
    if x2 is None or y2 is None:
        raise ValueError("zico needs a second batch (x2, y2)")
    layers = conv_linear_modules(model)
    gs = []
    for xb, yb in ((x, y), (x2, y2)):
        _ce_backward(model, xb, yb)
        gs.append([_f64(_weight_grad(m)).reshape(-1) for m in layers])
    per_node, score, Ts = [], 0.0, []
    for l in range(len(layers)):
        G = torch.stack([gs[0][l], gs[1][l]])
        sd = (G - G.mean(dim=0)).pow(2).mean(dim=0).sqrt()  # population std (ddof 0)
        mu = G.abs().mean(dim=0)
        nz = sd != 0
        T = float((mu[nz] / sd[nz]).sum().item())
        Ts.append(T)
        if T == 0.0:
            per_node.append(None)
        else:
            per_node.append(math.log(T))
            score += math.log(T)
    if info is not None:
        info["T"] = Ts
    return per_node, score


# --------------------------------------------------------------------------------------------
# params / flops (B.13, B.14)
# --------------------------------------------------------------------------------------------

def params(model, x=None, y=None, info=None) -> Result:
    """Total parameter count / 1e6 (BN gamma/beta and biases included); per node = weight numel."""
    return [float(m.weight.numel()) for m in conv_linear_modules(model)], count_params(model) / 1e6


def conv_macs(m: nn.Conv2d, out) -> int:
    """Multiply-accumulates of one Conv2d call at batch 1 (+ one add per output for a bias); both FLOP rules agree here."""
    kh, kw = m.kernel_size
    hw = out.shape[2] * out.shape[3]
    return kh * kw * (m.in_channels // m.groups) * m.out_channels * hw + (m.out_channels * hw if m.bias is not None else 0)


def flops(model, x, y=None, info=None) -> Result:
    """NB201 AutoDL rule (A.9), batch 1, input [1,C,H,W] from x's shape: Conv k*k*Cin/groups*Cout*Hout*Wout
    (+Cout*Hout*Wout with bias), Linear in*out + out; nothing else. Per node = the layer's MACs / 1e6."""
    net = copy.deepcopy(model)
    layers = conv_linear_modules(net)
    macs: Dict[nn.Module, int] = {}

    def hook(m, inp, out):
        if isinstance(m, nn.Conv2d):
            v = conv_macs(m, out)
        else:
            v = m.in_features * m.out_features + (m.out_features if m.bias is not None else 0)
        macs[m] = v

    handles = [m.register_forward_hook(hook) for m in layers]
    net.eval()
    with torch.no_grad():
        p0 = next(net.parameters())
        net(torch.zeros([1] + list(x.shape[1:]), dtype=p0.dtype, device=p0.device))
    for h in handles:
        h.remove()
    per_node = [macs.get(m, 0) / 1e6 for m in layers]
    return per_node, sum(macs.get(m, 0) for m in layers) / 1e6


def flops_naslib(model, x, y=None, info=None) -> Result:
    """NAS-Bench-Suite-Zero `flops` (NASLib -> tensorwatch rule, A.9), batch 1, /1e6: Conv k*k*Cin/groups*Cout*Hout*Wout
    (+Cout*Hout*Wout with bias); BatchNorm 2*numel (affine) or numel; ReLU numel of its input; AvgPool k*k*output
    numel; AdaptiveAvgPool C*(H+1)*(W+1) of its input (tensorwatch quirk); Linear in*out (no bias term); identity,
    zero and additions 0. Per node = the Conv2d/Linear terms / 1e6."""
    net = copy.deepcopy(model)
    layers = conv_linear_modules(net)
    counts: Dict[nn.Module, int] = {}

    def hook(m, inp, out):
        i = inp[0]
        if isinstance(m, nn.Conv2d):
            v = conv_macs(m, out)
        elif isinstance(m, nn.Linear):
            v = m.in_features * m.out_features
        elif isinstance(m, nn.BatchNorm2d):
            v = (2 if m.affine else 1) * i[0].numel()
        elif isinstance(m, nn.ReLU):
            v = i[0].numel()
        elif isinstance(m, nn.AvgPool2d):
            ks = m.kernel_size
            v = (ks * ks if isinstance(ks, int) else ks[0] * ks[1]) * out[0].numel()
        elif isinstance(m, nn.AdaptiveAvgPool2d):
            v = i.shape[1] * (i.shape[2] + 1) * (i.shape[3] + 1)
        else:
            return
        counts[m] = counts.get(m, 0) + v

    kinds = (nn.Conv2d, nn.Linear, nn.BatchNorm2d, nn.ReLU, nn.AvgPool2d, nn.AdaptiveAvgPool2d)
    handles = [m.register_forward_hook(hook) for m in net.modules() if isinstance(m, kinds)]
    net.eval()
    with torch.no_grad():
        p0 = next(net.parameters())
        net(torch.zeros([1] + list(x.shape[1:]), dtype=p0.dtype, device=p0.device))
    for h in handles:
        h.remove()
    return [counts.get(m, 0) / 1e6 for m in layers], sum(counts.values()) / 1e6


# --------------------------------------------------------------------------------------------
# Registry and harness
# --------------------------------------------------------------------------------------------

PROXIES: Dict[str, Callable[..., Result]] = {
    "grad_norm": grad_norm,
    "snip": snip,
    "grasp": grasp,
    "fisher": fisher,
    "synflow": synflow,
    "synflow_bn": synflow_bn,
    "plain": plain,
    "l2_norm": l2_norm,
    "jacov": jacov,
    "nwot": nwot,
    "epe_nas": epe_nas,
    "zen": zen,
    "zen_fixed": zen_fixed,
    "zico": zico,
    "params": params,
    "flops": flops,
    "flops_naslib": flops_naslib,
}


def run_proxy(name: str, model: nn.Module, x, y, *, seed: Optional[int] = None,
              state: Optional[Dict[str, torch.Tensor]] = None, info: Optional[dict] = None, **kw) -> Result:
    """Re-initialise (init_from_seed(model, seed), or restore a state snapshot), zero grads, train
    mode, then run proxy `name`. Extra keywords go to the proxy (zico: x2, y2; zen: seed via zen_seed)."""
    if seed is not None:
        init_from_seed(model, seed)
    elif state is not None:
        restore_state(model, state)
    model.zero_grad(set_to_none=True)
    model.train()
    fn = PROXIES[name]
    if name in ("zen", "zen_fixed") and "zen_seed" in kw:
        kw["seed"] = kw.pop("zen_seed")
    accepted = inspect.signature(fn).parameters
    kw = {k: v for k, v in kw.items() if k in accepted}
    out = fn(model, x, y, info=info, **kw)
    model.zero_grad(set_to_none=True)
    return out


# --------------------------------------------------------------------------------------------
# NB-Suite-Zero rank cross-check
# --------------------------------------------------------------------------------------------

def _rank(a: np.ndarray) -> np.ndarray:
    """Average ranks (ties averaged), as scipy.stats.rankdata."""
    order = np.argsort(a, kind="mergesort")
    ranks = np.empty(len(a), dtype=np.float64)
    sa = a[order]
    i = 0
    while i < len(a):
        j = i
        while j + 1 < len(a) and sa[j + 1] == sa[i]:
            j += 1
        ranks[order[i:j + 1]] = (i + j) / 2.0 + 1.0
        i = j + 1
    return ranks


def spearman(a, b) -> float:
    a, b = np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64)
    ok = np.isfinite(a) & np.isfinite(b)
    a, b = a[ok], b[ok]
    if len(a) < 3:
        return float("nan")
    ra, rb = _rank(a), _rank(b)
    return float(np.corrcoef(ra, rb)[0, 1])


def naslib_check(n_archs: int, data_dir: Path, batch: int = 32, seed: int = 0, threads: int = 2,
                 proxies: Optional[List[str]] = None, device: str = "cpu") -> dict:
    """Spearman between our scores (C=16, N=5, CIFAR-10, torch default init seeded per arch, batch
    `batch` of the train slice, NASLib normalisation) and NASLib's stored scores."""
    import csv
    import time

    from nb201_torch import TinyNetwork

    torch.set_num_threads(threads)
    torch.backends.cudnn.allow_tf32 = False  # keep float32 convs/matmuls float32 on a GPU
    torch.backends.cuda.matmul.allow_tf32 = False
    dev = torch.device(device)
    rows = [r for r in csv.DictReader(open(data_dir / "naslib_zc" / "zc_nasbench201_subset.csv"))
            if r["dataset"] == "cifar10"]
    graf = {r["net_str"]: r for r in csv.DictReader(open(data_dir / "nbsz_graf" / "nb201_zc_proxies.csv"))}
    rs = np.random.RandomState(seed)
    pick = sorted(rs.choice(len(rows), size=min(n_archs, len(rows)), replace=False).tolist())
    rows = [rows[i] for i in pick]
    x, y = (t.to(dev) for t in load_cifar_records(data_dir, 0, batch, NASLIB_MEAN, NASLIB_STD))
    x2, y2 = (t.to(dev) for t in load_cifar_records(data_dir, batch, batch, NASLIB_MEAN, NASLIB_STD))
    names = proxies or ["grad_norm", "snip", "grasp", "fisher", "synflow", "synflow_bn", "plain", "l2_norm",
                        "jacov", "nwot", "epe_nas", "zen", "zico", "params", "flops", "flops_naslib"]
    ours: Dict[str, List[float]] = {n: [] for n in names}
    times: Dict[str, float] = {n: 0.0 for n in names}
    t_start = time.time()
    for i, r in enumerate(rows):
        torch.manual_seed(1000 + i)
        model = TinyNetwork(r["arch_str"], C=16, N=5, num_classes=10).to(dev)
        state = snapshot_state(model)
        for n in names:
            t0 = time.time()
            _, s = run_proxy(n, model, x, y, state=state, x2=x2, y2=y2, zen_seed=i)
            times[n] += time.time() - t0
            ours[n].append(s)
        if (i + 1) % 10 == 0:
            print(f"  {i + 1}/{len(rows)} archs, {time.time() - t_start:.0f}s", file=sys.stderr)
    res = {"n_archs": len(rows), "batch": batch, "device": str(dev), "torch": torch.__version__,
           "seconds": round(time.time() - t_start, 1), "proxies": {}}
    for n in names:
        ref_key = {"synflow_bn": "synflow", "flops_naslib": "flops"}.get(n, n)
        entry = {"seconds_total": round(times[n], 2)}
        if ref_key in rows[0]:
            entry["rho_naslib_subset"] = spearman(ours[n], [float(r[ref_key]) for r in rows])
        in_graf = [(o, float(graf[r["arch_str"]][ref_key])) for o, r in zip(ours[n], rows)
                   if r["arch_str"] in graf and ref_key in graf[r["arch_str"]]]
        if in_graf:
            entry["rho_graf"] = spearman([a for a, _ in in_graf], [b for _, b in in_graf])
            entry["n_graf"] = len(in_graf)
        entry["rho_val_acc"] = spearman(ours[n], [float(r["val_accuracy"]) for r in rows])
        if ref_key in rows[0]:
            entry["rho_val_acc_naslib"] = spearman([float(r[ref_key]) for r in rows],
                                                   [float(r["val_accuracy"]) for r in rows])
        res["proxies"][n] = entry
    return res


def main() -> None:
    import argparse
    import json
    import os

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=os.environ.get("PARZC_DATA") or str(REPO / ".." / "shared" / "data"))
    ap.add_argument("--naslib-check", type=int, default=0, metavar="N", help="number of NB-Suite-Zero archs")
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--proxies", default=None, help="comma list (default: all but zen_fixed)")
    ap.add_argument("--device", default="cpu", help="torch device for --naslib-check (cpu, cuda)")
    args = ap.parse_args()
    if args.naslib_check <= 0:
        ap.print_help()
        return
    res = naslib_check(args.naslib_check, Path(args.data), args.batch, threads=args.threads,
                       proxies=args.proxies.split(",") if args.proxies else None, device=args.device)
    print(json.dumps(res, indent=1))
    print(f"{'proxy':12s} {'rho(naslib)':>12s} {'rho(graf)':>10s} {'n_graf':>6s} {'rho(acc) ours':>14s} "
          f"{'rho(acc) naslib':>16s} {'sec':>7s}")
    for n, e in res["proxies"].items():
        f = lambda v: f"{v:.3f}" if isinstance(v, float) else "-"  # noqa: E731
        print(f"{n:12s} {f(e.get('rho_naslib_subset')):>12s} {f(e.get('rho_graf')):>10s} "
              f"{e.get('n_graf', 0):>6d} {f(e.get('rho_val_acc')):>14s} {f(e.get('rho_val_acc_naslib')):>16s} "
              f"{e['seconds_total']:>7.1f}")


if __name__ == "__main__":
    main()
