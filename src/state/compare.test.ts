import { describe, expect, it } from 'vitest';
import { Cancelled } from '../worker/client/client';
import type { CompareSession } from '../worker/client/sessions';
import type { CompareReport } from '../worker/protocol';
import { defaultLabChoices } from '../core/lab/choices';
import { createCompareController, type CompareSetup } from './compare';

// The comparison's controller on a fake session: it polls until the report says done, pauses
// after the report on its way, and shows a failure (not a superseded call) in words.

const setup: CompareSetup = { choices: defaultLabChoices(), cells: ['rnn', 'lstm'], budget: 3 };

const reportAt = (iteration: number, budget: number): CompareReport => ({
  sides: [],
  budget,
  successWords: '',
  chance: null,
  done: iteration >= budget,
});

function fakeSession(answer: (n: number) => Promise<CompareReport>) {
  let calls = 0;
  let closed = false;
  const session = {
    kind: 'compare',
    request: () => answer(++calls),
    cancel: () => {},
    remember: () => {},
    close: () => {
      closed = true;
    },
  } as unknown as CompareSession;
  return { session, calls: () => calls, closed: () => closed };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('createCompareController', () => {
  it('trains until the budget is reached, then is done', async () => {
    const fake = fakeSession(async (n) => reportAt(n, 3));
    const c = createCompareController(() => fake.session);
    c.start(setup);
    expect(c.store.getState().status).toBe('running');
    for (let i = 0; i < 5; i++) await settle();
    expect(fake.calls()).toBe(3);
    expect(c.store.getState().status).toBe('done');
    expect(c.store.getState().report?.done).toBe(true);
    expect(c.store.getState().setup).toEqual(setup);
  });

  it('pause keeps the report on its way and asks no more; resume goes on', async () => {
    let release: (() => void) | null = null;
    const fake = fakeSession(
      (n) => new Promise((resolve) => (release = () => resolve(reportAt(n, 10)))),
    );
    const c = createCompareController(() => fake.session);
    c.start(setup);
    await settle();
    c.pause();
    release!();
    await settle();
    expect(c.store.getState().status).toBe('paused');
    expect(c.store.getState().report).not.toBeNull();
    expect(fake.calls()).toBe(1);
    c.resume();
    await settle();
    expect(fake.calls()).toBe(2);
    expect(c.store.getState().status).toBe('running');
    c.close();
    expect(fake.closed()).toBe(true);
  });

  it('a failure pauses with the reason; a superseded call says nothing', async () => {
    const failing = fakeSession(() => Promise.reject(new Error('the worker stopped')));
    const c = createCompareController(() => failing.session);
    c.start(setup);
    await settle();
    expect(c.store.getState().status).toBe('paused');
    expect(c.store.getState().error).toBe('The comparison stopped: the worker stopped');
    const cancelled = fakeSession(() => Promise.reject(new Cancelled()));
    const d = createCompareController(() => cancelled.session);
    d.start(setup);
    await settle();
    expect(d.store.getState().error).toBeNull();
  });
});
