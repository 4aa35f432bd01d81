import { expose } from 'comlink';
import type { WorkerLike } from '../client/client';
import { createApi } from '../host/api';

// A Worker for unit tests, without a browser: the real api exposed on one end of a
// MessageChannel (so what crosses is structured-cloned, as with a Worker), and ways to die
// as a real worker does: an uncaught error (an `error` event) or silence (it called close()).

type Api = ReturnType<typeof createApi>;

/** What comlink sends: `{ type: 'APPLY', path: ['call'], … }` for a call of api.call. */
export interface ComlinkMessage {
  type?: string;
  path?: string[];
}

/** True for a comlink message that calls this api function. */
export const calls = (fn: string) => (m: ComlinkMessage) =>
  m.type === 'APPLY' && m.path?.[0] === fn;

export interface FakeWorkerOptions {
  /** The api this worker exposes (default: a fresh real one). */
  api?: Api;
  /** Die instead of handling this comlink message (e.g. a session call): with an uncaught
   *  error, or in silence. */
  dieOn?: (message: ComlinkMessage) => 'error' | 'silence' | undefined;
}

export class FakeWorker extends EventTarget implements WorkerLike {
  readonly api: Api;
  terminated = false;
  private readonly channel = new MessageChannel();
  private readonly dieOn: FakeWorkerOptions['dieOn'];

  constructor(options: FakeWorkerOptions = {}) {
    super();
    this.api = options.api ?? createApi();
    this.dieOn = options.dieOn;
    expose(this.api, this.channel.port1);
    this.channel.port2.start();
  }

  postMessage(message: unknown, transfer: Transferable[] = []): void {
    if (this.terminated) return;
    const death = this.dieOn?.(message as ComlinkMessage);
    if (death === 'error') setTimeout(() => this.crash(), 0);
    if (death === 'silence') this.goSilent();
    if (death) return;
    this.channel.port2.postMessage(message, transfer);
  }

  addEventListener(type: string, listener: EventListenerOrEventListenerObject): void {
    if (type === 'message') this.channel.port2.addEventListener(type, listener);
    else super.addEventListener(type, listener);
  }

  removeEventListener(type: string, listener: EventListenerOrEventListenerObject): void {
    if (type === 'message') this.channel.port2.removeEventListener(type, listener);
    else super.removeEventListener(type, listener);
  }

  terminate(): void {
    this.terminated = true;
    this.channel.port1.close();
    this.channel.port2.close();
  }

  /** An uncaught error in the worker: the page's Worker object fires `error`. */
  crash(): void {
    if (!this.terminated) this.dispatchEvent(new Event('error', { cancelable: true }));
  }

  /** The worker stops without a word (it called close()): no event, no answers. */
  goSilent(): void {
    this.channel.port1.close();
  }
}

/** A factory that records every worker it makes (the client starts a new one per restart). */
export function fakeWorkers(options: (n: number) => FakeWorkerOptions = () => ({})) {
  const made: FakeWorker[] = [];
  return {
    made,
    create: (): FakeWorker => {
      const w = new FakeWorker(options(made.length + 1));
      made.push(w);
      return w;
    },
    get last(): FakeWorker {
      return made[made.length - 1];
    },
  };
}
