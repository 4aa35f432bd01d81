import { describe, expect, it } from 'vitest';
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

  it('takes the cell from the declaration: rnn by default, lstm or gru', () => {
    expect(parseUrl('').state.cell).toBe('rnn');
    expect(parseUrl('?cell=gru').state.cell).toBe('gru');
    expect(serializeUrl({ ...URL_DEFAULTS, cell: 'lstm' })).toBe('?cell=lstm');
    const bad = parseUrl('?cell=transformer');
    expect(bad.state.cell).toBe('rnn');
    expect(bad.problems).toEqual(['“cell=transformer” is not valid; using rnn.']);
  });
});
