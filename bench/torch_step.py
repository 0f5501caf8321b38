"""PyTorch CPU side of bench/ (driven by `go run ./bench`; not run by hand).

Builds the same training step as bench/step.go: an MLP with ReLU between
layers, softmax cross-entropy, Adam (eps 1e-7 as GoMLX), cycling through a pool
of random batches. After warm-up it prints one JSON line {"ready": ...}, then
answers each stdin line "run N" with {"ms": <wall ms of N steps>, "cpu_ms":
<process CPU ms>, "loss": x};
"quit" (or end of input) exits. Timing blocks are interleaved with the Go
blocks by the caller, so load from other processes hits every framework alike.
The loss is read back every step (loss.item()), as the Go side does.
"""
import argparse
import json
import sys
import time

import torch


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--sizes", required=True, help="layer sizes, inputs first, e.g. 784,128,10")
    p.add_argument("--batch", type=int, required=True)
    p.add_argument("--lr", type=float, default=1e-3)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--pool", type=int, default=16, help="distinct batches cycled through")
    p.add_argument("--warmup", type=int, default=20, help="at most this many untimed steps")
    p.add_argument("--warmup-time", type=float, default=3.0, help="seconds; warm-up stops after this")
    p.add_argument("--seed", type=int, default=1)
    a = p.parse_args()

    torch.set_num_threads(a.threads)
    torch.manual_seed(a.seed)
    sizes = [int(s) for s in a.sizes.split(",")]
    mods = []
    for i in range(len(sizes) - 1):
        mods.append(torch.nn.Linear(sizes[i], sizes[i + 1]))
        if i < len(sizes) - 2:
            mods.append(torch.nn.ReLU())
    model = torch.nn.Sequential(*mods)
    opt = torch.optim.Adam(model.parameters(), lr=a.lr, eps=1e-7)
    loss_fn = torch.nn.CrossEntropyLoss()
    xs = [torch.randn(a.batch, sizes[0]) for _ in range(a.pool)]
    ys = [torch.randint(0, sizes[-1], (a.batch,)) for _ in range(a.pool)]
    state = {"i": 0, "loss": float("nan")}

    def step():
        i = state["i"] % a.pool
        state["i"] += 1
        opt.zero_grad(set_to_none=True)
        loss = loss_fn(model(xs[i]), ys[i])
        loss.backward()
        opt.step()
        state["loss"] = loss.item()

    t0 = time.perf_counter()
    for n in range(a.warmup):
        step()
        if n >= 1 and time.perf_counter() - t0 > a.warmup_time:
            break
    print(json.dumps({"ready": True, "torch_version": torch.__version__,
                      "threads": torch.get_num_threads()}), flush=True)
    for line in sys.stdin:
        cmd = line.split()
        if not cmd or cmd[0] == "quit":
            break
        if cmd[0] != "run" or len(cmd) != 2:
            print(json.dumps({"error": "unknown command %r" % line.strip()}), flush=True)
            continue
        t0, c0 = time.perf_counter(), time.process_time()
        for _ in range(int(cmd[1])):
            step()
        ms = (time.perf_counter() - t0) * 1000
        cpu_ms = (time.process_time() - c0) * 1000
        print(json.dumps({"ms": ms, "cpu_ms": cpu_ms, "loss": state["loss"]}), flush=True)


if __name__ == "__main__":
    main()
