import { Fragment, useEffect, useId, useRef, useState } from 'react';
import { useStore } from '../../state/store';
import type { ExportKind } from '../../export/exportActions';

// `Download…`: a disclosure with the four exports of the contract (and the LaTeX fragment). Closed, its buttons are out
// of the page (so the scenario file's `Export` stays the only button of that name); Escape or a
// press outside closes it and focus returns to the toggle. Each export's code loads on use.

const ITEMS: [ExportKind, string, string][] = [
  ['svg', 'Export SVG', 'the graph as shown, a vector file'],
  ['png', 'Export PNG', 'the graph as shown, at twice its size'],
  ['trace', 'Export trace', 'every number, as JSON'],
  ['latex', 'Export LaTeX', 'this step’s worked example'],
  ['latex-fragment', 'Export LaTeX fragment', 'the same, to \\input into your notes'],
];

export function DownloadMenu() {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const ready = useStore((s) => s.result !== null);
  const wrap = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      if (!wrap.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [open]);

  const run = async (kind: ExportKind) => {
    setBusy(true);
    setStatus('Preparing…');
    try {
      const { exportAs } = await import('../../export/exportActions');
      setStatus(`Saved ${await exportAs(kind)}.`);
      // Done: the menu closes and focus goes back to its toggle; the status under it says what
      // was saved.
      setOpen(false);
      toggle.current?.focus();
    } catch (e) {
      setStatus(`Could not export: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div
      className="site-download"
      ref={wrap}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.stopPropagation();
          setOpen(false);
          toggle.current?.focus();
        }
      }}
    >
      <button
        ref={toggle}
        type="button"
        aria-expanded={open}
        aria-controls={`${id}-menu`}
        onClick={() => setOpen(!open)}
      >
        Download…
      </button>
      <div
        id={`${id}-menu`}
        className="site-download-panel"
        role="group"
        aria-label="Download"
        hidden={!open}
      >
        <div className="site-download-grid">
          {ITEMS.map(([kind, label, what]) => (
            <Fragment key={kind}>
              <button
                type="button"
                onClick={() => void run(kind)}
                disabled={!ready || busy}
                aria-describedby={`${id}-${kind}`}
              >
                {label}
              </button>
              <span id={`${id}-${kind}`} className="site-download-what">
                {what}
              </span>
            </Fragment>
          ))}
        </div>
      </div>
      {/* Outside the panel: the menu closes after an export, and this says what was saved. */}
      <p role="status" className="site-download-status">
        {status}
      </p>
    </div>
  );
}
