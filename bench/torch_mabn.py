"""PyTorch twin of bench/train.ts: the same default config (MABN with token + channel mixing,
Bayesian embedding and head, tanh-GELU, plus the architecture encoder over the 6 cell edges;
DiffKendall α=0.5, Adam lr 3e-4 wd 1e-3, cosine per epoch, batch 10) trained on random data of the
same shape (the cost does not depend on the values), to time parzc's wasm training against PyTorch.
    /usr/bin/python3 bench/torch_mabn.py [--n 1563] [--epochs 200] [--width 64] [--depth 4] [--threads 1] [--json]
(Debian python3-torch; the pyenv python3 does not see it.)"""
import argparse, json, math, time
import torch
import torch.nn as nn
import torch.nn.functional as F

p = argparse.ArgumentParser()
p.add_argument("--n", type=int, default=1563)
p.add_argument("--epochs", type=int, default=200)
p.add_argument("--batch", type=int, default=10)
p.add_argument("--inputs", type=int, default=294)
p.add_argument("--sequence", type=int, default=256)
p.add_argument("--segment", type=int, default=16)
p.add_argument("--width", type=int, default=64)
p.add_argument("--depth", type=int, default=2)
p.add_argument("--encoder-width", type=int, default=32, help="architecture encoder token width; 0 = no encoder")
p.add_argument("--encoder-layers", type=int, default=2)
p.add_argument("--encoder-hidden", type=int, default=64)
p.add_argument("--token-expansion", type=float, default=2)
p.add_argument("--channel-expansion", type=float, default=4)
p.add_argument("--threads", type=int, default=1)
p.add_argument("--json", action="store_true")
a = p.parse_args()
torch.set_num_threads(a.threads)
torch.manual_seed(0)


class BayesianLinear(nn.Module):
    def __init__(self, i, o, rho=-5.0):
        super().__init__()
        self.mu = nn.Parameter(torch.empty(o, i))
        nn.init.kaiming_uniform_(self.mu, a=math.sqrt(5))
        self.rho = nn.Parameter(torch.full((o, i), rho))

    def forward(self, x):
        w = self.mu + F.softplus(self.rho) * torch.randn_like(self.mu)
        return x @ w.t()


def ff(d, h):
    return nn.Sequential(nn.Linear(d, h), nn.GELU(approximate="tanh"), nn.Linear(h, d))


class Block(nn.Module):
    def __init__(self, tokens, d):
        super().__init__()
        self.n1, self.n2 = nn.LayerNorm(d), nn.LayerNorm(d)
        self.tok = ff(tokens, round(tokens * a.token_expansion))
        self.ch = ff(d, round(d * a.channel_expansion))

    def forward(self, x):  # x [B, L, D]
        x = x + self.tok(self.n1(x).transpose(1, 2)).transpose(1, 2)
        return x + self.ch(self.n2(x))


class Encoder(nn.Module):
    """src/model/model.ts ArchEncoder: edge tokens + per-edge MABN vectors, graph layers, readout."""
    def __init__(self, d):
        super().__init__()
        self.d = d
        self.ops = nn.Linear(5, d, bias=False)
        self.position = nn.Parameter(torch.empty(6, d).uniform_(-d ** -0.5, d ** -0.5))
        self.norms = nn.ModuleList([nn.LayerNorm(d) for _ in range(a.encoder_layers)])
        self.mlps = nn.ModuleList([ff(d, 2 * d) for _ in range(a.encoder_layers)])
        self.norm = nn.LayerNorm(d)
        self.readout = ff(d, a.encoder_hidden)
        self.out = nn.Linear(d, 1)

    def forward(self, stats, onehot, adjacency):  # [B, 6d], [B, 6, 5], [B, 6, 6]
        h = self.ops(onehot) + self.position + stats.view(-1, 6, self.d)
        for norm, mlp in zip(self.norms, self.mlps):
            h = h + mlp(adjacency @ norm(h))
        return self.out(F.gelu(self.readout(self.norm(h).mean(1)), approximate="tanh"))


class MABN(nn.Module):
    def __init__(self):
        super().__init__()
        self.tokens = a.sequence // a.segment
        self.project = nn.Linear(a.inputs, a.sequence)
        self.embed = BayesianLinear(a.segment, a.width)
        self.blocks = nn.ModuleList([Block(self.tokens, a.width) for _ in range(a.depth)])
        self.norm = nn.LayerNorm(a.width)
        self.head = BayesianLinear(a.width, 6 * a.encoder_width if a.encoder_width else 1)
        self.encoder = Encoder(a.encoder_width) if a.encoder_width else None

    def forward(self, x, onehot, adjacency):
        h = self.embed(self.project(x).view(x.shape[0], self.tokens, a.segment))
        for b in self.blocks:
            h = b(h)
        out = self.head(self.norm(h).mean(1))
        return self.encoder(out, onehot, adjacency) if self.encoder else out


def diffkendall(x, y, alpha=0.5):
    dx = x.view(-1, 1) - x.view(1, -1)
    dy = y.view(-1, 1) - y.view(1, -1)
    n = x.numel()
    return -(torch.tanh(alpha * dx / 2) * torch.tanh(alpha * dy / 2)).sum() / (n * (n - 1) / 2)


x = torch.rand(a.n, a.inputs)
y = torch.randn(a.n)
onehot = F.one_hot(torch.randint(0, 5, (a.n, 6)), 5).float()
adjacency = torch.softmax(torch.randn(a.n, 6, 6), -1)
model = MABN()
opt = torch.optim.Adam(model.parameters(), lr=3e-4, weight_decay=1e-3)
sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=a.epochs)
start = time.perf_counter()
for epoch in range(a.epochs):
    order = torch.randperm(a.n)
    for s in range(0, a.n, a.batch):
        idx = order[s:s + a.batch]
        loss = diffkendall(model(x[idx], onehot[idx], adjacency[idx]).view(-1), y[idx])
        opt.zero_grad()
        loss.backward()
        opt.step()
    sched.step()
seconds = time.perf_counter() - start
params = sum(p.numel() for p in model.parameters())
out = {"framework": f"torch {torch.__version__}", "threads": a.threads, "parameters": params, "n": a.n, "epochs": a.epochs, "seconds": seconds}
print(json.dumps(out) if a.json else f"torch {torch.__version__}, {a.threads} thread(s), {params} parameters: {a.n} × {a.epochs} epochs in {seconds:.1f} s ({seconds / a.epochs:.2f} s/epoch)")
