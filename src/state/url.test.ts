import { describe, expect, it } from 'vitest';
import { defaultLabChoices } from '../core/lab/choices';
import { parseUrl, serializeUrl, URL_DEFAULTS } from './url';

describe('URL state', () => {
  it('gives the defaults for an empty query and writes nothing back for them', () => {
    const p = parseUrl('');
    expect(p.state).toEqual(URL_DEFAULTS);
    expect(p.problems).toEqual([]);
    expect(serializeUrl(p.state)).toBe('');
  });

  it('round-trips every property', () => {
    const state = {
      ...URL_DEFAULTS,
      text: 'a b&c=d',
      hidden: 7,
      act: 'relu' as const,
      loss: 'squared-error' as const,
      seed: 42,
      lr: 0.05,
      step: 'b3',
      view: 'unrolled' as const,
      theme: 'dark' as const,
      preset: 'worked-example' as const,
      speed: '2' as const,
    };
    expect(parseUrl(serializeUrl(state)).state).toEqual(state);
  });

  it('falls back to defaults with a notice for bad values, and never throws', () => {
    const p = parseUrl('?hidden=99&act=<script>&seed=-1&lr=abc&step=zz&text=a&view=3d');
    expect(p.state).toEqual(URL_DEFAULTS);
    expect(p.problems).toHaveLength(7);
    expect(p.problems.some((m) => m.startsWith('“hidden=99”'))).toBe(true);
  });

  it('opens the lab for lab keys without a page, and says what it ignores on the explorer', () => {
    const opened = parseUrl('?task=copy&opt=adam');
    expect(opened.state.page).toBe('lab');
    expect(opened.lab).toMatchObject({ task: 'copy', opt: 'adam' });
    expect(opened.problems).toEqual([]);
    expect(serializeUrl(opened.state, undefined, opened.lab)).toBe('?page=lab&task=copy&opt=adam');
    // Shared keys alone (hidden, lr, seed…) are the explorer's, as before.
    expect(parseUrl('?hidden=4&lr=0.5').state.page).toBe('explorer');
    // A named page wins; the lab's keys are then ignored aloud.
    const explorer = parseUrl('?page=explorer&task=copy&opt=adam');
    expect(explorer.state.page).toBe('explorer');
    expect(explorer.lab).toEqual(defaultLabChoices());
    expect(explorer.problems).toEqual([
      '“task=copy”, “opt=adam”: settings of the training lab, ignored on the explorer; add “page=lab” to open the lab with them.',
    ]);
    // The lesson lives on the explorer: a lesson link keeps it, and says so.
    const lesson = parseUrl('?lesson=3&tbptt=10');
    expect(lesson.state.page).toBe('explorer');
    expect(lesson.state.lesson).toBe(3);
    expect(lesson.problems).toEqual([
      '“tbptt=10”: a setting of the training lab, ignored on the explorer; add “page=lab” to open the lab with it.',
    ]);
  });

  it('reads the frame options and accepts only http(s) parent origins', () => {
    expect(parseUrl('?embed=1&parentOrigin=https://course.example.org/page').frame).toEqual({
      embed: true,
      parentOrigin: 'https://course.example.org',
    });
    const bad = parseUrl('?parentOrigin=javascript:alert(1)');
    expect(bad.frame.parentOrigin).toBeNull();
    expect(bad.problems).toHaveLength(1);
  });

  it('takes every option of the model declaration (a new activation, the second notation)', () => {
    const p = parseUrl('?act=softsign&notation=wxh&hidden=16');
    expect(p.problems).toEqual([]);
    expect([p.state.act, p.state.notation, p.state.hidden]).toEqual(['softsign', 'wxh', 16]);
    expect(parseUrl('?notation=greek&hidden=17').problems).toHaveLength(2);
  });

  it('on the lab page, the shared keys are the lab’s (hidden up to 128) and every lab choice round-trips', () => {
    const lab = {
      ...defaultLabChoices(),
      task: 'copy' as const,
      hidden: 100,
      lr: 50,
      opt: 'sgd' as const,
      clip: 'norm' as const,
      clipAt: 2,
      tbptt: 10,
      seqLen: 30,
      delay: 20,
      temperature: 0.5,
      seed: 9,
      act: 'relu' as const,
    };
    const state = { ...URL_DEFAULTS, page: 'lab' as const, theme: 'dark' as const };
    const q = serializeUrl(state, undefined, lab);
    expect(q).toContain('page=lab');
    expect(q).toContain('hidden=100');
    const p = parseUrl(q);
    expect(p.problems).toEqual([]);
    expect(p.lab).toEqual(lab);
    expect(p.state).toEqual(state);
    // The explorer's own bounds still hold on its page, and the lab's keys are not read there.
    expect(parseUrl('?hidden=100').problems).toHaveLength(1);
    // (With no page named, a lab key now opens the lab; the explorer is named here.)
    expect(parseUrl('?page=explorer&hidden=100&task=copy').lab).toEqual(defaultLabChoices());
    // A long text stays out of the link (servers refuse long request lines).
    const long = serializeUrl(state, undefined, { ...lab, text: 'ab'.repeat(1001) });
    expect(long).not.toContain('text=');
  });

  it('refuses lab values out of range, and a delay as long as the sequence, with notices', () => {
    const p = parseUrl('?page=lab&hidden=129&lr=0&clip=sometimes&task=copy&delay=30&seqLen=25');
    expect(p.lab).toMatchObject({ hidden: 32, lr: 0.1, clip: 'value', delay: 2, seqLen: 25 });
    expect(p.problems).toHaveLength(4);
    expect(p.problems[3]).toMatch(/Delay k must be less than the sequence length/);
  });

  it('takes the cell from the declaration: rnn by default, lstm or gru', () => {
    expect(parseUrl('').state.cell).toBe('rnn');
    expect(parseUrl('?cell=gru').state.cell).toBe('gru');
    expect(serializeUrl({ ...URL_DEFAULTS, cell: 'lstm' })).toBe('?cell=lstm');
    const bad = parseUrl('?cell=transformer');
    expect(bad.state.cell).toBe('rnn');
    expect(bad.problems).toEqual(['“cell=transformer” is not valid; using rnn.']);
  });

  it('takes the lab’s comparison: a gated cell beside the vanilla RNN, or none', () => {
    const lab = defaultLabChoices();
    expect(parseUrl('?page=lab&compare=gru').state.compare).toBe('gru');
    expect(serializeUrl({ ...URL_DEFAULTS, page: 'lab', compare: 'lstm' }, undefined, lab)).toBe(
      '?page=lab&compare=lstm',
    );
    // The vanilla RNN is always one side: it is not a choice here.
    const bad = parseUrl('?page=lab&compare=rnn');
    expect(bad.state.compare).toBe('none');
    expect(bad.problems).toEqual(['“compare=rnn” is not valid; using none.']);
  });
});
