"""Independent float64 reference for leaky units (spec/trace-format.md, "Leaky units, layers
and directions"): the forward pass written from the spec on scalar reverse-mode autodiff
nodes, no BPTT derived by hand. Writes the trace JSON of a scenario file, for the CLI's test:

    python3 scripts/reference/leaky_trace.py test/fixtures/leaky-scenario.json > test/fixtures/leaky-trace.json
"""
import json
import math
import sys


class N:
    __slots__ = ("v", "g", "p")

    def __init__(self, v, p=()):
        self.v, self.g, self.p = v, 0.0, p

    def __add__(self, o):
        o = o if isinstance(o, N) else N(o)
        return N(self.v + o.v, ((self, 1.0), (o, 1.0)))

    __radd__ = __add__

    def __mul__(self, o):
        o = o if isinstance(o, N) else N(o)
        return N(self.v * o.v, ((self, o.v), (o, self.v)))

    __rmul__ = __mul__


def tanh(a):
    v = math.tanh(a.v)
    return N(v, ((a, 1 - v * v),))


def exp(a):
    v = math.exp(a.v)
    return N(v, ((a, v),))


def log(a):
    return N(math.log(a.v), ((a, 1 / a.v),))


def backward(root):
    order, seen, stack = [], set(), [(root, False)]
    while stack:
        n, done = stack.pop()
        if done:
            order.append(n)
        elif id(n) not in seen:
            seen.add(id(n))
            stack.append((n, True))
            stack.extend((p, False) for p, _ in n.p)
    root.g = 1.0
    for n in reversed(order):
        for p, d in n.p:
            p.g += d * n.g


def main(path):
    sc = json.load(open(path))
    assert sc["cell"] == "leaky" and sc.get("activation", "tanh") == "tanh"
    P = {k: [[N(x) for x in row] if isinstance(row, list) else N(row) for row in v]
         for k, v in sc["params"].items() if k != "keep"}
    keep = sc["params"]["keep"]
    H, K = len(P["W"]), len(P["V"])
    s0 = [N(x) for x in sc["s0"]]
    a_all, s_all, o_all, yhat_all, losses = [], [], [], [], []
    s_prev = s0
    for x, y in zip(sc["inputs"], sc["targets"]):
        a = [sum((P["W"][i][j] * s_prev[j] for j in range(H)), P["b"][i])
             + sum(P["U"][i][d] * x[d] for d in range(len(x))) for i in range(H)]
        s = [keep[i] * s_prev[i] + (1 - keep[i]) * tanh(a[i]) for i in range(H)]
        o = [sum((P["V"][k][i] * s[i] for i in range(H)), P["c"][k]) for k in range(K)]
        mx = max(v.v for v in o)
        e = [exp(v + (-mx)) for v in o]
        Z = sum(e[1:], e[0])
        logZ = log(Z) + mx
        L = sum(((v + logZ * -1.0) * -y[k] for k, v in enumerate(o)), N(0.0))
        a_all.append(a), s_all.append(s), o_all.append(o)
        yhat_all.append([v.v / Z.v for v in e]), losses.append(L)
        s_prev = s
    total = sum(losses[1:], losses[0])
    backward(total)
    vals = lambda m: [[n.v for n in row] for row in m]
    grads = lambda m: [[n.g for n in row] if isinstance(row, list) else row.g for row in m]
    json.dump({
        "cell": "leaky", "T": len(losses),
        "a": vals(a_all), "s": vals(s_all), "o": vals(o_all), "yhat": yhat_all,
        "losses": [n.v for n in losses], "loss": total.v,
        "dL_ds": grads(s_all), "dL_da": grads(a_all),
        "grads": {**{k: grads(v) for k, v in P.items()}, "s0": grads(s0)},
    }, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main(sys.argv[1])
