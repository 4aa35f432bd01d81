import { useEffect } from 'react';
import { useStore } from '../../state/store';
import { cursorLabel } from '../../core/cursor';
import { parseInbound, type OutboundMessage } from '../../state/embedMessages';
import { contentHeight } from './contentHeight';

// The postMessage bridge of an embedded explorer: tells the parent when it is ready, every
// cursor change (with the lesson step when a lesson is open, and once at the start, so a frame
// opened at step=f2 says so) and the height its content needs; obeys setStep / play / pause from the parent only.

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
    const postStep = () => {
      const s = useStore.getState();
      if (!s.result) return;
      const step = cursorLabel(s.cursor, s.result.trace.T);
      const msg: OutboundMessage =
        s.lesson > 0
          ? { source: 'unrolled', type: 'step', step, lesson: s.lesson }
          : { source: 'unrolled', type: 'step', step };
      const key = JSON.stringify(msg);
      if (key !== lastStep) {
        lastStep = key;
        post(msg, parentOrigin);
      }
    };
    postStep();
    const unsubscribe = useStore.subscribe(postStep);
    let lastHeight = 0;
    const measure = () => {
      const height = contentHeight();
      if (height !== lastHeight) {
        lastHeight = height;
        post({ source: 'unrolled', type: 'resize', height }, parentOrigin);
      }
    };
    // The page, the stage column and each part in it (the weights open, a lesson loads): a
    // part's own size change does not resize a column that scrolls.
    const observer = new ResizeObserver(measure);
    const observeColumn = () => {
      observer.disconnect();
      observer.observe(document.body);
      const column = document.querySelector('.stage-column');
      if (!column) return;
      observer.observe(column);
      for (const child of column.children) observer.observe(child);
    };
    observeColumn();
    const column = document.querySelector('.stage-column');
    const mutations = new MutationObserver(() => {
      observeColumn();
      measure();
    });
    if (column) mutations.observe(column, { childList: true });
    return () => {
      unsubscribe();
      observer.disconnect();
      mutations.disconnect();
    };
  }, [embed, ready, parentOrigin]);
}
