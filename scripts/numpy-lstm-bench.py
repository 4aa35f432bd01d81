# The yardstick for `npm run bench`'s lstm-h100-t25-v65: the same LSTM in numpy, written as
# min-char-rnn is (H = 100, T = 25, 65 symbols, forget bias 1, Adagrad 0.1, clipping at ±5,
# state carried across chunks). Prints iterations per second twice. Needs only numpy:
#   python3 scripts/numpy-lstm-bench.py
import numpy as np, time
np.random.seed(0)
H, V, T = 100, 65, 25
G = 4 * H
text = np.random.randint(0, V, 100_000)
U = np.random.randn(G, V) * 0.1; W = np.random.randn(G, H) * 0.1; Vw = np.random.randn(V, H) * 0.1
b = np.zeros(G); b[H:2*H] = 1; c = np.zeros(V)
params = [U, W, Vw, b, c]; mem = [np.zeros_like(p) for p in params]
sig = lambda x: 1 / (1 + np.exp(-x))
def step(p, s0, m0):
    xs, ss, ms, gs, ys = {}, {-1: s0}, {-1: m0}, {}, {}
    loss = 0
    for t in range(T):
        a = b + W @ ss[t-1] + U[:, text[p+t]]
        i, f, g, q = sig(a[:H]), sig(a[H:2*H]), np.tanh(a[2*H:3*H]), sig(a[3*H:])
        ms[t] = f * ms[t-1] + i * g
        tm = np.tanh(ms[t]); ss[t] = q * tm
        o = c + Vw @ ss[t]; e = np.exp(o - o.max()); y = e / e.sum()
        loss -= np.log(y[text[p+t+1]]); gs[t] = (i, f, g, q, tm); ys[t] = y
    dU, dW, dV, db, dc = [np.zeros_like(x) for x in params]
    dsn = np.zeros(H); dmn = np.zeros(H)
    for t in reversed(range(T)):
        i, f, g, q, tm = gs[t]
        do = ys[t].copy(); do[text[p+t+1]] -= 1
        dV += np.outer(do, ss[t]); dc += do
        ds = Vw.T @ do + dsn
        dm = ds * q * (1 - tm * tm) + dmn
        da = np.concatenate([dm * g * i * (1 - i), dm * ms[t-1] * f * (1 - f), dm * i * (1 - g * g), ds * tm * q * (1 - q)])
        dW += np.outer(da, ss[t-1]); U_col = text[p+t]; dU[:, U_col] += da; db += da
        dsn = W.T @ da; dmn = dm * f
    return loss, [dU, dW, dV, db, dc], ss[T-1], ms[T-1]
p = 0; s = np.zeros(H); m = np.zeros(H)
def it():
    global p, s, m
    if p + T + 1 >= len(text): p = 0; s = np.zeros(H); m = np.zeros(H)
    loss, grads, s, m = step(p, s, m)
    for th, g, mm in zip(params, grads, mem):
        np.clip(g, -5, 5, out=g); mm += g * g; th -= 0.1 * g / np.sqrt(mm + 1e-8)
    p += T
for _ in range(50): it()
for r in range(2):
    t0 = time.perf_counter(); n = 0
    while time.perf_counter() - t0 < 3: it(); n += 1
    print(f"numpy lstm-h100-t25-v65: {n / (time.perf_counter() - t0):.0f} iters/s")
