import type { ReactNode } from 'react';
import type { NodeKind } from '../../layout/graphLayout';
import { fmt } from '../encoding';
import { visibleSymbol, type GraphData } from './graphData';
import { nodeLabel } from './parts';

// The numbers of one node, shown on hover or focus: every entry to 3 significant digits, the
// full value in a title. Long vectors are split into side-by-side tables.

function Num({ v }: { v: number }) {
  return (
    <td className="num" title={String(v)}>
      {fmt(v)}
    </td>
  );
}

interface Col {
  head: ReactNode;
  values: ArrayLike<number>;
  off: number;
}

function VectorTable({
  n,
  cols,
  rowHead,
  caption,
}: {
  n: number;
  cols: Col[];
  rowHead: (i: number) => ReactNode;
  caption?: string;
}) {
  const per = n > 36 ? Math.ceil(n / 3) : n > 14 ? Math.ceil(n / 2) : n;
  const chunks: number[][] = [];
  for (let i = 0; i < n; i += per)
    chunks.push(Array.from({ length: Math.min(per, n - i) }, (_, j) => i + j));
  return (
    <div className="gs-tip-tables">
      {chunks.map((idx, c) => (
        <table key={c}>
          {caption && c === 0 && <caption className="visually-hidden">{caption}</caption>}
          <thead>
            <tr>
              <th scope="col" />
              {cols.map((col, j) => (
                <th key={j} scope="col">
                  {col.head}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {idx.map((i) => (
              <tr key={i}>
                <th scope="row">{rowHead(i)}</th>
                {cols.map((col, j) => (
                  <Num key={j} v={col.values[col.off + i]} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </div>
  );
}

const sub = (s: string, t: number | string) => (
  <>
    {s}
    <sub>{t}</sub>
  </>
);

export function NodeTipBody({
  kind,
  t,
  data,
  computed,
  grad,
}: {
  kind: NodeKind;
  t: number;
  data: GraphData;
  computed: boolean;
  grad: boolean;
}) {
  const { trace, H, K, D, labels } = data;
  const name = nodeLabel(kind, t);
  const title = <div className="gs-tip-title">{sub(name.slice(0, name.lastIndexOf('_')), t)}</div>;
  if (kind !== 'x' && t > 0 && !computed) {
    return (
      <>
        {title}
        <p className="gs-tip-note">Not computed yet: the forward pass has not reached t = {t}.</p>
      </>
    );
  }
  const sym = (i: number) => (labels ? `${i} ‘${visibleSymbol(labels, i)}’` : String(i));
  if (kind === 'x') {
    return (
      <>
        {title}
        <VectorTable
          n={D}
          rowHead={sym}
          cols={[{ head: sub('x', t), values: data.inputs, off: (t - 1) * D }]}
        />
      </>
    );
  }
  if (kind === 's' && t === 0) {
    const cols: Col[] = [{ head: sub('s', 0), values: trace.s0, off: 0 }];
    if (grad)
      cols.push({
        head: (
          <>
            ∂L/∂{sub('s', 0)} = Wᵀ∂L/∂{sub('a', 1)}
          </>
        ),
        values: trace.grads.s0,
        off: 0,
      });
    return (
      <>
        {title}
        <p className="gs-tip-note">The state before the first step.</p>
        <VectorTable n={H} rowHead={String} cols={cols} />
      </>
    );
  }
  if (kind === 's') {
    const off = (t - 1) * H;
    const cols: Col[] = [
      { head: sub('a', t), values: trace.a, off },
      { head: sub('s', t), values: trace.s, off },
    ];
    if (grad) {
      cols.push(
        { head: 'output', values: trace.dL_ds_out, off },
        { head: 'future', values: trace.dL_ds_next, off },
        { head: <>∂L/∂{sub('a', t)}</>, values: trace.dL_da, off },
      );
    }
    return (
      <>
        {title}
        <VectorTable n={H} rowHead={String} cols={cols} />
        {grad && (
          <p className="gs-tip-note">
            ∂L/∂s<sub>{t}</sub> = output + future: Vᵀ∂L/∂o<sub>{t}</sub> from the output now,
            {t < data.T ? (
              <>
                {' '}
                Wᵀ∂L/∂a<sub>{t + 1}</sub> from the future
              </>
            ) : (
              ' nothing from the future at the last step'
            )}
            . ∂L/∂a<sub>{t}</sub> = f′(a<sub>{t}</sub>) ⊙ ∂L/∂s<sub>{t}</sub>.
          </p>
        )}
      </>
    );
  }
  if (kind === 'o') {
    const off = (t - 1) * K;
    const cols: Col[] = [{ head: sub('o', t), values: trace.o, off }];
    if (data.crossEntropy) cols.push({ head: <>ŷ{<sub>{t}</sub>}</>, values: trace.yhat, off });
    cols.push({ head: sub('y', t), values: data.targets, off });
    if (grad) cols.push({ head: <>∂L/∂{sub('o', t)}</>, values: trace.dL_do, off });
    const p = data.pred[t - 1];
    const y = data.target[t - 1];
    return (
      <>
        {title}
        <p className="gs-tip-note">
          Predicts {sym(p)}; the target is {sym(y)}: {p === y ? 'right ✓' : 'wrong ✗'}.
        </p>
        <VectorTable n={K} rowHead={sym} cols={cols} />
      </>
    );
  }
  // L_t
  const L = trace.losses[t - 1];
  const y = data.target[t - 1];
  return (
    <>
      {title}
      <table>
        <tbody>
          <tr>
            <th scope="row">{sub('L', t)}</th>
            <Num v={L} />
          </tr>
          <tr>
            <th scope="row">L so far</th>
            <Num v={data.cumLoss[t]} />
          </tr>
        </tbody>
      </table>
      <p className="gs-tip-note">
        {data.crossEntropy ? (
          <>
            −log ŷ of the target {sym(y)}
            {grad && <>; ∂L/∂{sub('L', t)} = 1 starts the backward pass here</>}
          </>
        ) : (
          <>squared error between o and y{grad && <>; ∂L/∂{sub('L', t)} = 1</>}</>
        )}
      </p>
    </>
  );
}
