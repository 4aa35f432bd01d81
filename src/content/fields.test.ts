import { describe, expect, it } from 'vitest';
import { CHOICES } from '../core/model';
import { readIntField, readNumberField, readSequence, timeSteps } from './fields';

const H = CHOICES.hidden;
const TEXT = CHOICES.text;

describe('readIntField', () => {
  it('reads a whole number in the declared bounds', () => {
    expect(readIntField('8', H)).toEqual({ ok: true, value: 8 });
    expect(readIntField(` ${H.max} `, H)).toEqual({ ok: true, value: H.max });
  });
  it('says the range from the declaration for an empty box, a fraction or out of range', () => {
    const range = `Hidden size is a whole number from ${H.min} to ${H.max}`;
    expect(readIntField('', H)).toEqual({ ok: false, problem: `${range}.` });
    expect(readIntField('2.5', H)).toEqual({ ok: false, problem: `${range}.` });
    expect(readIntField('abc', H)).toEqual({ ok: false, problem: `${range}.` });
    for (const bad of ['0', '-1', String(H.max + 1), '99'])
      expect(readIntField(bad, H)).toEqual({
        ok: false,
        problem: `${range}: ${bad} is out of range.`,
      });
  });
});

describe('readNumberField', () => {
  it('reads a number above the lower bound, at most the max', () => {
    const lr = CHOICES.lr;
    expect(readNumberField('0.5', lr)).toEqual({ ok: true, value: 0.5 });
    expect(readNumberField(String(lr.above), lr).ok).toBe(false);
    expect(readNumberField('', lr).ok).toBe(false);
    expect(readNumberField(String(lr.max * 2), lr)).toMatchObject({ ok: false });
  });
});

describe('readSequence', () => {
  it('counts time steps, one singular', () => {
    expect(timeSteps(1)).toBe('1 time step');
    expect(timeSteps(4)).toBe('4 time steps');
    expect(readSequence('ab', TEXT).words).toBe('1 time step: each character predicts the next.');
    expect(readSequence('hello', TEXT)).toEqual({
      use: 'hello',
      problem: false,
      words: '4 time steps: each character predicts the next.',
    });
  });
  it('counts an emoji as one symbol', () => {
    const r = readSequence('a😀b', TEXT);
    expect(r.use).toBe('a😀b');
    expect(r.words).toMatch(/^2 time steps/);
  });
  it('refuses a character of several code points, and one the browser cannot draw, saying why', () => {
    const r = readSequence('hi❤️', TEXT);
    expect(r.use).toBeNull();
    expect(r.words).toContain('2 symbols to the network (U+2764 U+FE0F)');
    const d = readSequence('a😀b', TEXT, (ch) => ch !== '😀');
    expect(d.use).toBeNull();
    expect(d.words).toContain('no font that draws “😀” (U+1F600)');
  });
  it('uses the first maxLength characters of a long text, and says so', () => {
    const long = 'x'.repeat(300);
    const r = readSequence(long, TEXT);
    expect(r.use).toBe('x'.repeat(TEXT.maxLength));
    expect(r.problem).toBe(true);
    expect(r.words).toBe(
      `300 characters: only the first ${TEXT.maxLength} are used (${TEXT.maxLength - 1} time steps, the most here).`,
    );
    expect(readSequence('a', TEXT).use).toBeNull();
  });
});
