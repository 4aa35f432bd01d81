import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { ExploreRequest, ExploreResponse } from '../../core/explore';
import { createSessions, nextTask, type CallContext, type SessionKind } from './sessions';

// The worker's table of sessions, called directly (no channel): superseding and cancelling are
// decided here, so these tests pin the semantics exactly. api.test.ts checks them over the wire.

const example = JSON.parse(readFileSync('test/fixtures/example-scenario.json', 'utf8'));
const expected = JSON.parse(readFileSync('test/fixtures/example-trace.json', 'utf8'));
const req: ExploreRequest = { kind: 'scenario', scenario: example, lr: 0.1 };

/** A kind that counts what it computes, with a slow method that waits for a gate. */
function countingKind() {
  const computed: string[] = [];
  let open!: () => void;
  const gate = new Promise<void>((r) => (open = r));
  const seen: boolean[] = [];
  interface S {
    paused: boolean;
    steps: number;
  }
  const kind: SessionKind<object, S> = {
    open: () => ({ paused: false, steps: 0 }),
    methods: {
      run(_s: S, arg: string) {
        computed.push(arg);
        return arg.toUpperCase();
      },
      async slow(_s: S, arg: string, ctx: CallContext) {
        computed.push(arg);
        await gate;
        seen.push(ctx.superseded());
        return arg;
      },
      // The shape of a training loop: slices that yield, stopping when superseded or paused.
      async train(s: S, slices: number, ctx: CallContext) {
        for (let i = 0; i < slices && !ctx.superseded() && !s.paused; i++) {
          s.steps++;
          await nextTask();
        }
        return s.steps;
      },
      pause(s: S) {
        s.paused = true;
      },
    },
  };
  return { kinds: { test: kind }, computed, open: () => open(), seen };
}

describe('worker sessions', () => {
  it('an explorer session answers with the trace and keeps its own copy of the picture', async () => {
    const sessions = createSessions();
    const id = sessions.open('explorer', {});
    const out = await sessions.call(id, 'explore', 1, req);
    if (out.cancelled) throw new Error('cancelled');
    const res = out.value as ExploreResponse;
    if (!res.ok) throw new Error(res.error);
    expect(res.value.trace.loss).toBeCloseTo(expected.loss, 12);
    // The answer will be transferred (its buffers detached); the session's copy must survive.
    structuredClone(res.value.trace.a, { transfer: [res.value.trace.a.buffer as ArrayBuffer] });
    expect(res.value.trace.a.length).toBe(0);
    const again = await sessions.call(id, 'explore', 2, req);
    expect(again.cancelled).toBe(false);
  });

  it('closing a session frees it; calls to it then fail', async () => {
    const sessions = createSessions();
    const id = sessions.open('explorer', {});
    expect(sessions.count()).toBe(1);
    sessions.close(id);
    expect(sessions.count()).toBe(0);
    await expect(sessions.call(id, 'explore', 1, req)).rejects.toThrow(`no open session ${id}`);
    expect(() => sessions.open('nonsense', {})).toThrow('unknown session kind nonsense');
  });

  it('a call superseded before it starts is never computed', async () => {
    const t = countingKind();
    const sessions = createSessions(t.kinds);
    const id = sessions.open('test', {});
    const first = sessions.call(id, 'run', 1, 'a');
    const second = sessions.call(id, 'run', 2, 'b');
    expect(await first).toEqual({ cancelled: true });
    expect(await second).toEqual({ cancelled: false, value: 'B' });
    expect(t.computed).toEqual(['b']);
  });

  it('an older call arriving after a newer one is not computed either', async () => {
    const t = countingKind();
    const sessions = createSessions(t.kinds);
    const id = sessions.open('test', {});
    const newer = sessions.call(id, 'run', 5, 'new');
    const older = sessions.call(id, 'run', 4, 'old');
    expect(await older).toEqual({ cancelled: true });
    expect(await newer).toEqual({ cancelled: false, value: 'NEW' });
    expect(t.computed).toEqual(['new']);
  });

  it('a running call that is superseded learns so, and its answer is dropped', async () => {
    const t = countingKind();
    const sessions = createSessions(t.kinds);
    const id = sessions.open('test', {});
    const first = sessions.call(id, 'slow', 1, 'a');
    await nextTask();
    await nextTask(); // 'a' has started
    expect(t.computed).toEqual(['a']);
    const second = sessions.call(id, 'slow', 2, 'b');
    t.open();
    expect(await first).toEqual({ cancelled: true });
    expect(await second).toEqual({ cancelled: false, value: 'b' });
    expect(t.seen).toEqual([true, false]);
  });

  it('cancel stops a call that has not started; other methods and sessions are not affected', async () => {
    const t = countingKind();
    const sessions = createSessions(t.kinds);
    const id = sessions.open('test', {});
    const other = sessions.open('test', {});
    const a = sessions.call(id, 'run', 1, 'a');
    const b = sessions.call(other, 'run', 1, 'b');
    const c = sessions.call(id, 'slow', 1, 'c');
    sessions.cancel(id, 'run', 1);
    t.open();
    expect(await a).toEqual({ cancelled: true });
    expect(await b).toEqual({ cancelled: false, value: 'B' });
    expect(await c).toEqual({ cancelled: false, value: 'c' });
    expect(t.computed.sort()).toEqual(['b', 'c']);
  });

  it('a loop run in slices handles a pause between slices, and stops when superseded', async () => {
    const t = countingKind();
    const sessions = createSessions(t.kinds);
    const id = sessions.open('test', {});
    const training = sessions.call(id, 'train', 1, 1000);
    await nextTask();
    await nextTask();
    await sessions.call(id, 'pause', 1, undefined); // another method: does not cancel training
    const out = await training;
    if (out.cancelled) throw new Error('a pause must not cancel the loop');
    expect(out.value).toBeGreaterThan(0);
    expect(out.value).toBeLessThan(1000);

    const id2 = sessions.open('test', {});
    const long = sessions.call(id2, 'train', 1, 1000);
    await nextTask();
    await nextTask();
    const short = sessions.call(id2, 'train', 2, 0);
    expect(await long).toEqual({ cancelled: true });
    expect(await short).toEqual({ cancelled: false, value: expect.any(Number) });
  });
});
