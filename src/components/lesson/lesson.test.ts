import katex from 'katex';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { buildEquations, loadGatedEquations } from '../../content/equations';
import { katexOptions } from '../../content/katexOptions';
import { LESSON_LENGTH } from '../../content/lesson/length';
import { narrate, narrateText } from '../../content/lesson/narrate';
import { clippingDemo, PREDICTIONS, type PredictionData } from '../../content/lesson/predictions';
import { SLIPS, type SlipData } from '../../content/lesson/slips';
import { LESSON, type LessonStep } from '../../content/lesson/steps';
import { vanillaTwin } from '../../content/lesson/vanillaTwin';
import { notation } from '../../content/notation';
import { texNum } from '../../content/equationsFormat';
import { cursorLabel } from '../../core/cursor';
import { explore, type ExploreRequest, type ExploreResult } from '../../core/explore';
import { makeCharScenario } from '../../core/encoding';
import { lastLossGradNorms } from '../../core/lastLossGrad';
import { lastLossGradLstm, rowNorms } from '../../core/lastLossGradLstm';
import { computeTrace } from '../../core/trace';
import { NOTATION_NAMES } from '../../core/model';
import { createAppStore } from '../../state/store';
import { equationColors } from '../encoding';
import { lessonTarget, lessonWalk } from './lessonTarget';

// The lesson's data against the real core: every step's goTo target computes, its cursor
// labels name positions, its equations exist where it shows them, and every prediction's
// answer follows the trace; text and maths follow both notations.

vi.mock('../../state/appWorker', () => ({
  explorerSession: {
    explore: (req: ExploreRequest) => Promise.resolve(explore(req)),
  },
}));

const render = (tex: string) => katex.renderToString(tex, { ...katexOptions, throwOnError: true });

/** The result each step computes, by step id. */
const results = new Map<string, ExploreResult>();

beforeAll(async () => {
  await loadGatedEquations();
  for (const step of LESSON) {
    const store = createAppStore();
    const res = await store.getState().goTo(lessonTarget(step, true));
    expect(res, step.id).toEqual({ ok: true });
    results.set(step.id, store.getState().result!);
  }
});

const dataOf = (r: ExploreResult, step?: LessonStep): PredictionData => ({
  trace: r.trace,
  params: r.scenario.params,
  updatedLoss: r.updated.loss,
  seq: r.scenario.seq,
  vanilla: step?.scenario.cell ? vanillaTwin(step.scenario) : null,
});

describe('the lesson steps', () => {
  it('are as many as the URL and the store expect', () => {
    expect(LESSON).toHaveLength(LESSON_LENGTH);
    expect(new Set(LESSON.map((s) => s.id)).size).toBe(LESSON.length);
  });

  it.each(LESSON.map((s, i) => [i + 1, s] as const))(
    'step %i: its cursor, walk and reveal name positions of its trace',
    (_, step) => {
      const T = results.get(step.id)!.trace.T;
      const walk = lessonWalk(step, T);
      expect(walk).not.toBeNull();
      expect(walk!.from).toBeLessThanOrEqual(walk!.to);
      if (walk!.revealAt !== null) {
        expect(walk!.revealAt).toBeGreaterThan(walk!.from);
        expect(walk!.revealAt).toBeLessThanOrEqual(walk!.to);
      }
    },
  );

  it.each(LESSON.filter((s) => s.equations).map((s) => [s.id, s] as const))(
    '%s: every equation it names is in the derivation where the step shows it',
    (_, step) => {
      const r = results.get(step.id)!;
      const walk = lessonWalk(step, r.trace.T)!;
      const ids = new Set<string>();
      for (const c of [walk.from, walk.to])
        for (const b of buildEquations(r.trace, c, {
          scenario: r.scenario,
          labels: r.labels,
          notation: 'uvw',
          colors: equationColors('light'),
          lr: r.updated.lr,
          updated: r.updated,
        }))
          ids.add(b.id);
      for (const id of step.equations!) expect(ids, id).toContain(id);
    },
  );

  it.each(NOTATION_NAMES)('reads in the %s notation, and every piece of maths typesets', (name) => {
    const n = notation(name, equationColors('light'));
    for (const step of LESSON) {
      const texts = [step.narration, step.title, step.code ?? '', step.notes ?? ''];
      if (step.prediction) {
        const d = dataOf(results.get(step.id)!, step);
        texts.push(step.prediction.question(d), step.prediction.answer(d).why);
      }
      for (const source of texts) {
        for (const part of narrate(source, n)) {
          if (part.kind === 'text') expect(part.text).not.toMatch(/@/);
          else expect(() => render(part.tex), part.tex).not.toThrow();
        }
        expect(narrateText(source, name)).not.toMatch(/[@$]/);
      }
    }
  });

  it('names the symbols of the chosen notation', () => {
    const wxh = notation('wxh', equationColors('light'));
    const unroll = LESSON.find((s) => s.id === 'unroll')!;
    expect(
      narrate(unroll.narration, wxh).some((p) => p.kind === 'tex' && /W_\{hh\}/.test(p.tex)),
    ).toBe(true);
    expect(narrateText(LESSON.find((s) => s.id === 'loop')!.code!, 'wxh')).toContain(
      'a = b_h + W_hh h + W_xh x[t]',
    );
    expect(narrateText(LESSON.find((s) => s.id === 'two-terms')!.title, 'wxh')).toBe(
      '∂L/∂h_t has two terms',
    );
  });
});

describe('predictions', () => {
  it.each(LESSON.filter((s) => s.prediction).map((s) => [s.id, s] as const))(
    '%s: the answer is one of the choices',
    (_, step) => {
      const p = step.prediction!;
      const a = p.answer(dataOf(results.get(step.id)!, step));
      expect(p.choices.map((c) => c.id)).toContain(a.correct);
    },
  );

  it('are computed from the trace: a different trace gives the other answer', () => {
    const r = results.get('two-terms')!;
    const d = dataOf(r);
    const { T, H } = r.trace;
    const norm = (t: number) => Math.hypot(...r.trace.dL_ds.subarray((t - 1) * H, t * H));
    const expected = norm(T - 1) > norm(T) ? 'larger' : 'smaller';
    expect(PREDICTIONS.stateGrad.answer(d).correct).toBe(expected);
    // Scale ∂L/∂s_{T-1} so that it is the other way round.
    const dL_ds = r.trace.dL_ds.slice();
    const k = expected === 'larger' ? (0.5 * norm(T)) / norm(T - 1) : (2 * norm(T)) / norm(T - 1);
    for (let i = (T - 2) * H; i < (T - 1) * H; i++) dL_ds[i] *= k;
    const flipped = PREDICTIONS.stateGrad.answer({ ...d, trace: { ...r.trace, dL_ds } });
    expect(flipped.correct).toBe(expected === 'larger' ? 'smaller' : 'larger');

    expect(PREDICTIONS.lossAfter.answer({ ...d, updatedLoss: r.trace.loss + 1 }).correct).toBe(
      'higher',
    );
    expect(PREDICTIONS.lossAfter.answer({ ...d, updatedLoss: r.trace.loss - 1 }).correct).toBe(
      'lower',
    );
  });

  it('the LSTM step tells the cell-state edge’s product of forget gates from the full share', () => {
    const step = LESSON.find((s) => s.id === 'cell-state')!;
    const d = dataOf(results.get('cell-state')!, step);
    const { T, H } = d.trace;
    const g = d.trace.gated!;
    if (g.cell !== 'lstm') throw new Error('not an LSTM');
    const f = g.gates.f;
    let edge = 0;
    for (let i = 0; i < H; i++) {
      let p = 1;
      for (let t = 1; t < T; t++) p *= f[t * H + i];
      edge = Math.max(edge, p);
    }
    const why = PREDICTIONS.cellState.answer(d).why;
    expect(why).toContain(`keeps at most $${texNum(edge)}$ of any unit`);
    const share = rowNorms(lastLossGradLstm(d.trace, d.params).dm, T, H);
    expect(share[0] / share[T - 1]).toBeGreaterThan(edge);
    expect(why).toContain('the share shown is larger because the full');
  });

  it('s_2 depends on x_1 through W, and not when W is 0', () => {
    const d = dataOf(results.get('forward')!);
    expect(PREDICTIONS.dependsOnPast.answer(d).correct).toBe('yes');
    const W = d.params.W.slice().fill(0);
    const none = { ...d, params: { ...d.params, W } };
    expect(PREDICTIONS.dependsOnPast.answer(none).correct).toBe('no');
  });

  it('truncation stops the last loss’s gradient at the chunk’s start; full BPTT reaches s_1', () => {
    const step = LESSON.find((s) => s.id === 'truncation')!;
    const d = dataOf(results.get('truncation')!, step);
    const a = PREDICTIONS.truncation.answer(d);
    expect(a.correct).toBe('none');
    const full = lastLossGradNorms(d.trace, d.params);
    expect(full[0]).toBeGreaterThan(0);
    expect(a.why).toContain(`${d.trace.T} × ${d.trace.H}`);
  });

  it('clipping by norm keeps the direction, by value turns it (computed on the trace)', () => {
    const d = dataOf(results.get('clipping')!);
    expect(PREDICTIONS.clipping.answer(d).correct).toBe('norm');
    const { valueTurn, normTurn, capped } = clippingDemo(d.trace);
    expect(capped).toBeGreaterThan(0);
    expect(valueTurn).toBeGreaterThan(0.01);
    expect(normTurn).toBeLessThan(1e-3);
  });

  it('teacher forcing: every next input is the true character, even after a wrong guess', () => {
    const d = dataOf(results.get('teacher-forcing')!);
    const a = PREDICTIONS.teacherForcing.answer(d);
    expect(a.correct).toBe('true');
    expect(a.why).toContain(`At ${d.trace.T - 1} of the ${d.trace.T - 1} steps`);
    // Inputs that are not the targets shifted: the answer follows them.
    const inputs = d.seq!.inputs.slice().fill(0);
    for (let t = 0; t < d.trace.T; t++) inputs[t * d.trace.D] = 1;
    expect(PREDICTIONS.teacherForcing.answer({ ...d, seq: { ...d.seq!, inputs } }).correct).toBe(
      'own',
    );
  });

  it('the first step adds nothing to ∂L/∂W when s_0 = 0, and says so only then', () => {
    const d = dataOf(results.get('sums')!);
    expect(d.trace.s0.every((v) => v === 0)).toBe(true);
    expect(PREDICTIONS.firstShare.answer(d).correct).toBe('none');
    expect(PREDICTIONS.firstShare.question(d)).toMatch(/@s_0 = 0/);
    const contribW = d.trace.contrib.W.slice().fill(0.5, 0, d.trace.H * d.trace.H);
    const s0 = d.trace.s0.map(() => 1);
    const other = { ...d, trace: { ...d.trace, s0, contrib: { ...d.trace.contrib, W: contribW } } };
    expect(PREDICTIONS.firstShare.answer(other).correct).toBe('all');
    expect(PREDICTIONS.firstShare.question(other)).toMatch(/with this/);
  });
});

describe('‖∂L_T/∂s_t‖', () => {
  it('starts from the output part of ∂L/∂s_T and is the full ∂L/∂s_t when only L_T counts', () => {
    const r = results.get('vanishing')!;
    const { trace } = r;
    const { T, H } = trace;
    const norms = lastLossGradNorms(trace, r.scenario.params);
    expect(norms).toHaveLength(T);
    expect(norms[T - 1]).toBeCloseTo(Math.hypot(...trace.dL_ds_out.subarray((T - 1) * H)), 12);
    // With ∂L/∂o_t = 0 for t < T, the trace's own BPTT gives ∂L/∂s_t = ∂L_T/∂s_t.
    const dL_do = trace.dL_do.map((v, i) => (i < (T - 1) * trace.K ? 0 : v));
    const only = lastLossGradNorms({ ...trace, dL_do }, r.scenario.params);
    expect(Array.from(only)).toEqual(Array.from(norms));
  });
});

describe('spot the slip', () => {
  const r = () => results.get('update')!;
  const data = (): SlipData => ({
    trace: r().trace,
    params: r().scenario.params,
    targets: r().scenario.seq.targets,
    lr: r().updated.lr,
    updated: r().updated,
  });

  it('has the slips of the issue, each with its right answer among the choices', () => {
    expect(SLIPS.map((s) => s.id)).toEqual([
      'softmax-exp',
      'dyhat-sign',
      'update-plus',
      'future-transpose',
      'future-derivative',
      'sum-over-t',
      'dV-loss',
    ]);
    for (const s of SLIPS) expect(s.choices.map((c) => c.id)).toContain(s.correct);
  });

  it.each(NOTATION_NAMES)('typesets each slip and its fix in the %s notation', (name) => {
    const n = notation(name, equationColors('dark'));
    for (const s of SLIPS) {
      expect(() => render(s.written(n))).not.toThrow();
      expect(() => render(s.fix(n, data())), s.id).not.toThrow();
      for (const p of narrate(s.why, n))
        if (p.kind === 'tex') expect(() => render(p.tex)).not.toThrow();
    }
  });

  it('fixes with the numbers of the trace', () => {
    const n = notation('uvw', equationColors('light'));
    const d = data();
    const H = d.trace.H;
    // The W^T term is the trace's own dL_ds_next at t = T - 1.
    const fix = SLIPS.find((s) => s.id === 'future-transpose')!.fix(n, d);
    const t = d.trace.T - 1;
    const first = d.trace.dL_ds_next[(t - 1) * H];
    expect(fix).toContain(Number(first.toPrecision(3)).toString().replace('-', ''));
    const update = SLIPS.find((s) => s.id === 'update-plus')!.fix(n, d);
    expect(update).toContain(Number(d.updated.loss.toPrecision(3)).toString());
    expect(cursorLabel(2 * d.trace.T + 1, d.trace.T)).toBe('update');
  });
});

describe('the clicker in the lesson (lessonSlice)', () => {
  it('answers a waiting prediction, walks the cursor, then goes on to the next step', async () => {
    const store = createAppStore();
    const step = LESSON.find((s) => s.id === 'two-terms')!;
    await store.getState().goTo(lessonTarget(step, true));
    const s = () => store.getState();
    s().setLessonStep(8);
    const walk = lessonWalk(step, s().result!.trace.T)!;
    s().setCursor(walk.from);
    s().setLessonWalk(walk);
    s().lessonForward(); // the prediction waits: the clicker is “Show me”
    expect(s().lessonAnswer).toBe('shown');
    expect(s().cursor).toBe(walk.revealAt);
    s().lessonBack(); // back within the walk
    expect(s().cursor).toBe(walk.from);
    expect(s().lesson).toBe(8);
    s().lessonForward();
    s().lessonForward(); // the walk is done: the next step
    expect(s().lesson).toBe(9);
    expect(s().lessonWalk).toBeNull();
    s().lessonBack();
    expect(s().lesson).toBe(8);
    s().closeLesson(); // keeps the cursor
    expect(s().lesson).toBe(0);
    expect(s().cursor).toBe(walk.to);
  });

  it('reads lesson= and present= from the URL, refusing a step beyond the lesson', async () => {
    const { parseUrl } = await import('../../state/url');
    const ok = parseUrl('?lesson=5&present=1');
    expect(ok.state.lesson).toBe(5);
    expect(ok.state.present).toBe('1');
    const bad = parseUrl(`?lesson=${LESSON_LENGTH + 1}`);
    expect(bad.state.lesson).toBe(0);
    expect(bad.problems).toHaveLength(1);
  });
});

describe('the cell-state chapter', () => {
  const step = LESSON.find((s) => s.id === 'cell-state')!;

  it('goes to an LSTM on the vanishing step’s text, unrolled, and back to the vanilla cell', async () => {
    const r = results.get('cell-state')!;
    expect(r.trace.gated?.cell).toBe('lstm');
    expect(lessonTarget(step, true)).toMatchObject({ view: 'unrolled', config: { cell: 'lstm' } });
    expect(step.scenario.text).toBe(LESSON.find((s) => s.id === 'vanishing')!.scenario.text);
    // Back to a typed-text step from it: the vanilla cell again, not the LSTM kept.
    const store = createAppStore();
    await store.getState().goTo(lessonTarget(step, true));
    const back = LESSON.find((s) => s.id === 'vanishing')!;
    expect(await store.getState().goTo(lessonTarget(back, true))).toEqual({ ok: true });
    expect(store.getState().result!.trace.cell ?? 'rnn').toBe('rnn');
  });

  it('answers from the traces: the kept shares of ∂L_T/∂m_t and the vanilla ∂L_T/∂s_t', () => {
    const r = results.get('cell-state')!;
    const d = dataOf(r, step);
    const { T, H } = r.trace;
    const m = rowNorms(lastLossGradLstm(r.trace, r.scenario.params).dm, T, H);
    const v = lastLossGradNorms(d.vanilla!.trace, d.vanilla!.params);
    expect(d.vanilla!.trace.T).toBe(T);
    const expected = m[0] / m[T - 1] > v[0] / v[T - 1] ? 'lstm' : 'rnn';
    expect(PREDICTIONS.cellState.answer(d).correct).toBe(expected);
    // A vanilla RNN whose recurrent weights are large enough keeps more: the other answer.
    const twin = makeCharScenario({ text: step.scenario.text!, hidden: H, seed: 1 });
    if (!twin.ok) throw new Error(twin.error);
    const { params } = twin.value.scenario;
    const strong = { ...params, W: params.W.map((w) => 6 * w) };
    const trace = computeTrace({ ...twin.value.scenario, params: strong });
    const other = PREDICTIONS.cellState.answer({ ...d, vanilla: { trace, params: strong } });
    const ratio = lastLossGradNorms(trace, strong);
    expect(other.correct).toBe(ratio[0] / ratio[T - 1] > m[0] / m[T - 1] ? 'rnn' : 'lstm');
    expect(other.correct).not.toBe(expected);
    expect(() => PREDICTIONS.cellState.answer({ ...d, vanilla: null })).toThrow();
  });

  it('names the cell state m under uvw and c under wxh', () => {
    expect(narrateText(step.narration, 'uvw')).toMatch(/∂ ?m_t\/∂ ?m_t-1/);
    expect(narrateText(step.narration, 'wxh')).toMatch(/∂ ?c_t\/∂ ?c_t-1/);
    expect(narrateText(step.narration, 'wxh')).not.toMatch(/m_t/);
    const d = dataOf(results.get('cell-state')!, step);
    const q = PREDICTIONS.cellState.question(d);
    const wxh = notation('wxh', equationColors('light'));
    const tex = narrate(q, wxh)
      .filter((p) => p.kind === 'tex')
      .map((p) => (p as { tex: string }).tex)
      .join(' ');
    expect(tex).toMatch(/\{\\mathbf\{c\}\}_1/);
    expect(tex).toMatch(/\{\\mathbf\{h\}\}_1/);
    expect(
      narrate(q, notation('uvw', equationColors('light'))).some(
        (p) => p.kind === 'tex' && /\{\\mathbf\{m\}\}_1/.test(p.tex),
      ),
    ).toBe(true);
  });
});
