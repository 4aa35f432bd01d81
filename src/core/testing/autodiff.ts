// A tiny scalar reverse-mode automatic differentiation, for tests that check the cells
// against the spec's equations written on nodes: independent of every BPTT in the core.

export class Node {
  grad = 0;
  constructor(
    readonly val: number,
    readonly parents: readonly (readonly [Node, number])[] = [],
  ) {}
}
export const leaf = (v: number) => new Node(v);
export const add = (...xs: Node[]) =>
  new Node(
    xs.reduce((acc, x) => acc + x.val, 0),
    xs.map((x) => [x, 1] as const),
  );
export const mul = (a: Node, b: Node) =>
  new Node(a.val * b.val, [
    [a, b.val],
    [b, a.val],
  ]);
export const scale = (a: Node, k: number) => new Node(a.val * k, [[a, k]]);
export const tanhN = (a: Node) => {
  const v = Math.tanh(a.val);
  return new Node(v, [[a, 1 - v * v]]);
};
export const sigN = (a: Node) => {
  const v = 1 / (1 + Math.exp(-a.val));
  return new Node(v, [[a, v * (1 - v)]]);
};
export const expN = (a: Node) => {
  const v = Math.exp(a.val);
  return new Node(v, [[a, v]]);
};
export const logN = (a: Node) => new Node(Math.log(a.val), [[a, 1 / a.val]]);

/** Fill .grad of every node with ∂root/∂node. */
export function backward(root: Node): void {
  const order: Node[] = [];
  const seen = new Set<Node>();
  const visit = (n: Node) => {
    // Iterative depth-first post-order: the graphs here are deep (T steps).
    const stack: [Node, number][] = [[n, 0]];
    while (stack.length) {
      const top = stack[stack.length - 1];
      const [node, i] = top;
      if (i === 0 && seen.has(node)) {
        stack.pop();
        continue;
      }
      seen.add(node);
      if (i < node.parents.length) {
        top[1]++;
        const p = node.parents[i][0];
        if (!seen.has(p)) stack.push([p, 0]);
      } else {
        stack.pop();
        order.push(node);
      }
    }
  };
  visit(root);
  root.grad = 1;
  for (let k = order.length - 1; k >= 0; k--) {
    const n = order[k];
    for (const [p, d] of n.parents) p.grad += d * n.grad;
  }
}

/** L_t on nodes from the spec: cross-entropy of softmax(o) or squared error; ŷ as numbers. */
export function lossN(
  o: Node[],
  y: readonly number[],
  loss: 'cross-entropy' | 'squared-error',
): { loss: Node; yhat: number[] } {
  if (loss === 'cross-entropy') {
    // −Σ y_k log softmax(o)_k, with the max subtracted as a constant for stability.
    const mx = Math.max(...o.map((x) => x.val));
    const e = o.map((x) => expN(add(x, leaf(-mx))));
    const Z = add(...e);
    const logZ = add(logN(Z), leaf(mx));
    return {
      loss: add(...o.map((x, k) => scale(add(x, scale(logZ, -1)), -y[k]))),
      yhat: e.map((x) => x.val / Z.val),
    };
  }
  return {
    loss: add(
      ...o.map((x, k) => {
        const d = add(x, leaf(-y[k]));
        return mul(d, d);
      }),
    ),
    yhat: o.map((x) => x.val),
  };
}
