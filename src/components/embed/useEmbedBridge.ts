import { useEffect } from 'react';
import { useStore } from '../../state/store';
import { cursorLabel } from '../../core/cursor';
import { parseInbound, type OutboundMessage } from '../../state/embedMessages';

// The postMessage bridge of an embedded explorer: tells the parent when it is ready, every
// cursor change and its content height; obeys setStep / play / pause from the parent only.

function post(msg: OutboundMessage, origin: string | null) {
  window.parent.postMessage(msg, origin ?? '*');
}

/** The parent's origin as the browser reports it (ancestorOrigins, else the referrer). */
function actualParentOrigin(): string | null {
  const ancestors = window.location.ancestorOrigins;
  if (ancestors && ancestors.length > 0) return ancestors[0];
  try {
    return document.referrer ? new URL(document.referrer).origin : null;
  } catch {
    return null;
  }
}

/**
 * Talk only to a parent: and when the page was opened with parentOrigin, only to a parent of
 * that origin (posting to another would be refused by the browser with a console error).
 */
function parentReachable(parentOrigin: string | null): boolean {
  if (window.parent === window) return false;
  return !parentOrigin || actualParentOrigin() === parentOrigin;
}

export function useEmbedBridge(): void {
  const embed = useStore((s) => s.embed);
  const parentOrigin = useStore((s) => s.parentOrigin);
  const ready = useStore((s) => s.result !== null);

  useEffect(() => {
    if (!embed || !parentReachable(parentOrigin)) return;
    const onMessage = (e: MessageEvent) => {
      if (e.source !== window.parent) return;
      if (parentOrigin && e.origin !== parentOrigin) return;
      const msg = parseInbound(e.data);
      if (!msg) return;
      const s = useStore.getState();
      if (msg.type === 'play') s.setPlaying(true);
      else if (msg.type === 'pause') s.setPlaying(false);
      // Through the one navigation action: before the first trace it waits for it; a step
      // beyond T is clamped with a notice, as from the URL.
      else void s.goTo({ step: msg.step });
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, [embed, parentOrigin]);

  useEffect(() => {
    if (!embed || !ready || !parentReachable(parentOrigin)) return;
    post({ source: 'unrolled', type: 'ready', version: 1 }, parentOrigin);
    let lastStep = '';
    const unsubscribe = useStore.subscribe((s) => {
      if (!s.result) return;
      const step = cursorLabel(s.cursor, s.result.trace.T);
      if (step !== lastStep) {
        lastStep = step;
        post({ source: 'unrolled', type: 'step', step }, parentOrigin);
      }
    });
    let lastHeight = 0;
    const observer = new ResizeObserver(() => {
      const height = Math.ceil(document.documentElement.scrollHeight);
      if (height !== lastHeight) {
        lastHeight = height;
        post({ source: 'unrolled', type: 'resize', height }, parentOrigin);
      }
    });
    observer.observe(document.body);
    return () => {
      unsubscribe();
      observer.disconnect();
    };
  }, [embed, ready, parentOrigin]);
}
