"""Reference values for KDEngine's softmax and losses, computed in float64 with NumPy.

Writes Tests/KDEngineTests/Fixtures/kd_losses.json. Inputs are drawn, rounded to float32
(what the engine receives), and every reference value is computed from those float32
values in float64, following PyTorch's definitions:

  cross_entropy(zs, y)        = mean_i -log_softmax(zs)[i, y_i]
  kl_div(log q, p, batchmean) = sum_ij p_ij (log p_ij - log q_ij) / n      (0 log 0 = 0)
  distillation                = alpha*CE(zs, y) + (1-alpha)*T*T*kl_div(log_softmax(zs/T), softmax(zt/T))

The KL case takes its target as float32 probabilities (`target`), since that is what a
caller hands the engine; the distillation case softens the teacher's logits itself.

    python3 scripts/reference/kd_losses.py
"""
import json
import numpy as np

OUT = "Tests/KDEngineTests/Fixtures/kd_losses.json"
rng = np.random.default_rng(20240601)


def log_softmax(z, t):
    s = z / t
    s = s - s.max(axis=1, keepdims=True)
    return s - np.log(np.exp(s).sum(axis=1, keepdims=True))


def kl_batchmean(p, logq):
    safe = np.where(p > 0, p, 1.0)
    return float(np.sum(np.where(p > 0, p * (np.log(safe) - logq), 0.0)) / p.shape[0])


def case(name, zs, zt, y, t, alpha):
    zs = zs.astype(np.float32)
    zt = zt.astype(np.float32)
    s64, t64 = zs.astype(np.float64), zt.astype(np.float64)
    n = zs.shape[0]
    ce = float(-log_softmax(s64, 1.0)[np.arange(n), y].mean())
    target32 = np.exp(log_softmax(t64, t)).astype(np.float32)
    kl_target = kl_batchmean(target32.astype(np.float64), log_softmax(s64, t))
    p_teacher = np.exp(log_softmax(t64, t))
    kd = alpha * ce + (1 - alpha) * t * t * kl_batchmean(p_teacher, log_softmax(s64, t))
    return {
        "name": name,
        "rows": int(n),
        "classes": int(zs.shape[1]),
        "temperature": float(t),
        "alpha": float(alpha),
        "student": [float(v) for v in zs.ravel()],
        "teacher": [float(v) for v in zt.ravel()],
        "labels": [int(v) for v in y],
        "target": [float(v) for v in target32.ravel()],
        # Elementwise references only for small cases, to keep the fixture small.
        "softmax": [float(v) for v in np.exp(log_softmax(s64, t)).ravel()] if zs.size <= 64 else [],
        "logSoftmax": [float(v) for v in log_softmax(s64, t).ravel()] if zs.size <= 64 else [],
        "crossEntropy": ce,
        "klDivergence": kl_target,
        "distillationLoss": kd,
    }


shapes = [(1, 2), (1, 10), (2, 3), (4, 10), (8, 5), (16, 10), (32, 10), (7, 100), (64, 10), (2, 300)]
temperatures = [0.5, 1.0, 2.0, 4.0, 8.0, 20.0]
alphas = [0.0, 0.1, 0.5, 0.9, 1.0]
scales = [1.0, 3.0, 30.0, 1e4]
cases = []
for i in range(60):
    n, k = shapes[i % len(shapes)]
    t = temperatures[(i // 2) % len(temperatures)]
    alpha = alphas[(i // 3) % len(alphas)]
    scale = scales[(i // 5) % len(scales)]
    zs = rng.normal(0, scale, (n, k))
    if i % 4 == 3:  # a student close to its teacher: a small KL where terms cancel
        zt = zs + rng.normal(0, 0.05 * scale, (n, k))
    else:
        zt = rng.normal(0, scale, (n, k))
    y = rng.integers(0, k, n)
    cases.append(case(f"random-{i}-n{n}-k{k}-T{t}-a{alpha}-s{scale:g}", zs, zt, y, t, alpha))

# Logits at the float32 extremes the issue names: ±1e4, ties, one dominant class.
extreme = np.array([[1e4, -1e4, 0, 1e4], [-1e4, -1e4, -1e4, -1e4], [0, 0, 1e4, -1e4]])
teacher = np.array([[-1e4, 1e4, 5, 0], [1e4, -1e4, 1e4, 3], [2, 1, 0, -1]])
for t in [0.5, 1.0, 4.0, 20.0]:
    for alpha in [0.0, 0.5, 1.0]:
        cases.append(case(f"extreme-T{t}-a{alpha}", extreme, teacher, np.array([1, 2, 3]), t, alpha))

with open(OUT, "w") as f:
    json.dump({"generator": "scripts/reference/kd_losses.py", "numpy": np.__version__, "cases": cases}, f, separators=(",", ":"))
print(f"wrote {OUT}: {len(cases)} cases")
