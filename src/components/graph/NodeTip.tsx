import type { ReactNode } from 'react';
import type { NodeKind } from '../../layout/graphLayout';
import { fmt } from '../encoding';
import { cursorInfo } from '../../core/cursor';
import { selectCursor } from '../../state/selectors';
import { useStore } from '../../state/store';
import { knownLoss, visibleSymbol, type GraphData } from './graphData';
import { nodeLabel } from './parts';
import { NOTATIONS } from '../../core/model';

// The numbers of one node, shown on hover or focus: every entry to 3 significant digits, the
// full value in a title. Long vectors are split into side-by-side tables. Units are numbered
// from 1, as the heatmaps and the equations number them.

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
  // The state's letter and the weights' names in the chosen notation (s, W, V or h, W_hh, W_hy).
  const st = NOTATIONS[data.notation].state;
  const P = NOTATIONS[data.notation].params;
  const kappa = NOTATIONS[data.notation].keep.text;
  const name = nodeLabel(kind, t, data.notation);
  const title = <div className="gs-tip-title">{sub(name.slice(0, name.lastIndexOf('_')), t)}</div>;
  if (kind !== 'x' && t > 0 && !computed) {
    return (
      <>
        {title}
        <p className="gs-tip-note">Not computed yet: the forward pass has not reached t = {t}.</p>
      </>
    );
  }
  const sym = (i: number) =>
    labels ? `${i + 1} ‘${visibleSymbol(labels, i)}’` : visibleSymbol(null, i);
  // In a sentence the number is named, so it does not read as a time step.
  const symWords = (i: number) =>
    labels ? `‘${visibleSymbol(labels, i)}’ (symbol ${i + 1})` : `symbol ${visibleSymbol(null, i)}`;
  const unit = (i: number) => String(i + 1);
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
  const g = trace.gated;
  if (kind === 'm' && g?.cell === 'lstm') {
    const letter = NOTATIONS[data.notation].cellState;
    if (t === 0) {
      const cols: Col[] = [{ head: sub(letter, 0), values: g.m0, off: 0 }];
      if (grad && trace.grads.m0)
        cols.push({ head: <>∂L/∂{sub(letter, 0)}</>, values: trace.grads.m0, off: 0 });
      return (
        <>
          {title}
          <p className="gs-tip-note">The cell state before the first step.</p>
          <VectorTable n={H} rowHead={unit} cols={cols} />
        </>
      );
    }
    const off = (t - 1) * H;
    const cols: Col[] = [
      { head: sub('f', t), values: g.gates.f, off },
      { head: sub('i', t), values: g.gates.i, off },
      { head: sub('g', t), values: g.gates.g, off },
      { head: sub(letter, t), values: g.m, off },
    ];
    if (grad)
      cols.push(
        { head: `from ${st}`, values: g.dL_dm_from_s, off },
        { head: 'from next', values: g.dL_dm_from_next, off },
        { head: <>∂L/∂{sub(letter, t)}</>, values: g.dL_dm, off },
      );
    return (
      <>
        {title}
        <VectorTable n={H} rowHead={unit} cols={cols} />
        <p className="gs-tip-note">
          {letter}
          <sub>{t}</sub> = f ⊙ {letter}
          <sub>{t - 1}</sub> + i ⊙ g.
          {grad && (
            <>
              {' '}
              ∂L/∂{letter}
              <sub>{t}</sub> = (from {st}) ∂L/∂{st}
              <sub>{t}</sub> ⊙ q ⊙ (1 − tanh²) + (from next) ∂L/∂
              {letter}
              <sub>{t + 1}</sub> ⊙ f<sub>{t + 1}</sub>.
            </>
          )}
        </p>
      </>
    );
  }
  if (kind === 's' && g && t > 0) {
    const off = (t - 1) * H;
    const cols: Col[] = [{ head: sub(st, t), values: trace.s, off }];
    if (grad)
      cols.push(
        { head: 'output', values: trace.dL_ds_out, off },
        { head: 'future', values: trace.dL_ds_next, off },
        { head: <>∂L/∂{sub(st, t)}</>, values: trace.dL_ds, off },
      );
    return (
      <>
        {title}
        <VectorTable n={H} rowHead={unit} cols={cols} />
        <p className="gs-tip-note">
          {g.cell === 'lstm'
            ? `${st} = q ⊙ tanh(${NOTATIONS[data.notation].cellState}).`
            : `${st}ₜ = z ⊙ ${st}ₜ₋₁ + (1 − z) ⊙ n.`}{' '}
          The gates are drawn below {st}.
        </p>
      </>
    );
  }
  if (kind === 's' && t === 0) {
    const cols: Col[] = [{ head: sub(st, 0), values: trace.s0, off: 0 }];
    if (grad)
      cols.push({
        head: (
          <>
            ∂L/∂{sub(st, 0)} = {P.W.text}ᵀ∂L/∂{sub('a', 1)}
          </>
        ),
        values: trace.grads.s0,
        off: 0,
      });
    return (
      <>
        {title}
        <p className="gs-tip-note">The state before the first step.</p>
        <VectorTable n={H} rowHead={unit} cols={cols} />
      </>
    );
  }
  if (kind === 's') {
    const off = (t - 1) * H;
    const lk = trace.leaky;
    const cols: Col[] = [
      { head: sub('a', t), values: trace.a, off },
      ...(lk ? [{ head: <>f({sub('a', t)})</>, values: lk.fa, off }] : []),
      { head: sub(st, t), values: trace.s, off },
    ];
    if (grad) {
      cols.push(
        { head: 'output', values: trace.dL_ds_out, off },
        // Leaky units: the future's two paths, through W and along the kept share.
        ...(lk
          ? [
              { head: `via ${P.W.text}`, values: lk.dL_ds_next_W, off },
              { head: 'kept', values: lk.dL_ds_next_kept, off },
            ]
          : [{ head: 'future', values: trace.dL_ds_next, off }]),
        { head: <>∂L/∂{sub('a', t)}</>, values: trace.dL_da, off },
      );
    }
    return (
      <>
        {title}
        <VectorTable n={H} rowHead={unit} cols={cols} />
        {grad && (
          <p className="gs-tip-note">
            ∂L/∂{st}
            <sub>{t}</sub> = output + future: {P.V.text}ᵀ∂L/∂o<sub>{t}</sub> from the output now,
            {t < data.T ? (
              <>
                {' '}
                {P.W.text}ᵀ∂L/∂a<sub>{t + 1}</sub> from the future
              </>
            ) : (
              ' nothing from the future at the last step'
            )}
            {lk && t < data.T && (
              <>
                {' '}
                and {kappa} ⊙ ∂L/∂{st}
                <sub>{t + 1}</sub> kept
              </>
            )}
            . ∂L/∂a<sub>{t}</sub> = {lk ? `(1 − ${kappa}) ⊙ ` : ''}f′(a<sub>{t}</sub>) ⊙ ∂L/∂
            {st}
            <sub>{t}</sub>.
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
          Predicts {symWords(p)}; the target is {symWords(y)}: {p === y ? 'right ✓' : 'wrong ✗'}.
        </p>
        <VectorTable n={K} rowHead={sym} cols={cols} />
      </>
    );
  }
  return <LossTip t={t} data={data} grad={grad} title={title} sym={sym} />;
}

/** L_t, and the loss known at this cursor exactly as the running-loss bar says it. */
function LossTip({
  t,
  data,
  grad,
  title,
  sym,
}: {
  t: number;
  data: GraphData;
  grad: boolean;
  title: ReactNode;
  sym: (i: number) => string;
}) {
  const cursor = useStore(selectCursor);
  const { trace } = data;
  const info = cursorInfo(cursor, data.T);
  const known = knownLoss(data.cumLoss, info.phase, info.t, data.T);
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
          <tr data-known-loss={String(known.value)}>
            <th scope="row">
              {known.steps === data.T && info.phase !== 'forward'
                ? 'L, the whole loss'
                : 'L so far'}{' '}
              ({known.range})
            </th>
            <Num v={known.value} />
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
