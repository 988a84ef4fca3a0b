"""The kdbench reference job in PyTorch, for the side-by-side comparison with KDEngine.

MLP 64-256-256-10, ReLU, SGD (lr 0.05, momentum 0.9), batch 32, 20 epochs, cross-entropy,
on the digits training split that kdbench writes (the engine's stratified 80/20 split, seed
0), evaluated on the test split after every epoch as KDEngine's Trainer does. Prints one line
of JSON: seconds (training loop only, wall and CPU), final test accuracy, threads, torch version.
THREADS (optional) sets torch's intra-op threads; by default torch uses one per core.

    python3 scripts/bench/reference_job.py TRAIN.csv TEST.csv [THREADS]
"""
import json
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


def load(path):
    data = np.loadtxt(path, delimiter=",", skiprows=1, dtype=np.float32)
    return torch.from_numpy(data[:, :64] / 16.0), torch.from_numpy(data[:, 64].astype(np.int64))


def main():
    if len(sys.argv) > 3:
        torch.set_num_threads(int(sys.argv[3]))
    x_train, y_train = load(sys.argv[1])
    x_test, y_test = load(sys.argv[2])
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(64, 256), nn.ReLU(), nn.Linear(256, 256), nn.ReLU(), nn.Linear(256, 10))
    optimizer = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
    n = x_train.shape[0]
    start = time.perf_counter()
    cpu_start = time.process_time()
    for _ in range(20):
        model.train()
        order = torch.randperm(n)
        for first in range(0, n, 32):
            idx = order[first:first + 32]
            optimizer.zero_grad()
            loss = F.cross_entropy(model(x_train[idx]), y_train[idx])
            loss.backward()
            optimizer.step()
        model.eval()
        with torch.no_grad():
            accuracy = (model(x_test).argmax(1) == y_test).float().mean().item()
    seconds = time.perf_counter() - start
    cpu_seconds = time.process_time() - cpu_start
    print(json.dumps({"seconds": seconds, "cpuSeconds": cpu_seconds, "testAccuracy": accuracy, "threads": torch.get_num_threads(),
                      "torch": torch.__version__}))


if __name__ == "__main__":
    main()
