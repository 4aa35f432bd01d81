import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../../state/store';
import { toUrlState } from '../../state/urlSync';
import { HIDE_PARTS, type HidePart } from '../../state/url';
import { shareLink } from '../../share/shareLink';
import './ShareDialog.css';

// The Share dialog (loaded on demand): a link to what is on screen now (the scenario, the
// notation, the cursor, the view, and the lesson step when a lesson is open), with the parts
// to leave out, and `Copy link`. A modal <dialog>: the page behind is inert, Tab stays inside,
// Escape closes, and the opener gets focus back (SiteTools).

const PART_LABELS: Record<HidePart, string> = {
  settings: 'Settings',
  weights: 'Weights',
  derivation: 'Derivation',
  transport: 'Transport',
  legend: 'Legend',
  lesson: 'Lesson',
};

const FOCUSABLE =
  'button:not(:disabled), input:not(:disabled), textarea, [tabindex]:not([tabindex="-1"])';

/** Copy with the Clipboard API, else with the selection (an http page, an old browser). */
async function copyText(text: string, field: HTMLTextAreaElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    if (!field) return false;
    field.focus();
    field.select();
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    }
  }
}

export default function ShareDialog({ onClose }: { onClose: () => void }) {
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const field = useRef<HTMLTextAreaElement>(null);
  const [hide, setHide] = useState<readonly HidePart[]>(() => useStore.getState().hide);
  const [embed, setEmbed] = useState(false);
  // What copying said, for the link it copied (a new link has not been copied yet).
  const [copied, setCopied] = useState({ link: '', text: '' });
  const state = useStore(useShallow(toUrlState));
  const imported = useStore((s) => s.source.kind === 'imported');
  const lesson = useMemo(() => new URLSearchParams(window.location.search).get('lesson'), []);
  const link = shareLink(`${window.location.origin}${window.location.pathname}`, state, {
    hide,
    embed,
    lesson,
  });

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    field.current?.focus();
    field.current?.select();
    return () => d?.close();
  }, []);

  const onKeyDown = (e: KeyboardEvent<HTMLDialogElement>) => {
    // The transport's keys do not reach the page behind the dialog.
    e.stopPropagation();
    if (e.key !== 'Tab') return;
    const items = [...(dialog.current?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])];
    if (!items.length) return;
    const first = items[0];
    const last = items[items.length - 1];
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };

  // Closed first, so the page is no longer inert when the opener takes focus back.
  const close = () => {
    dialog.current?.close();
    onClose();
  };

  const toggle = (part: HidePart, on: boolean) =>
    setHide((h) => HIDE_PARTS.filter((p) => (p === part ? on : h.includes(p))));

  return (
    <dialog
      ref={dialog}
      className="share-dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-what`}
      onKeyDown={onKeyDown}
      onCancel={(e) => {
        e.preventDefault();
        close();
      }}
    >
      <h2 id={`${id}-title`}>Share a link</h2>
      <p id={`${id}-what`}>
        The link opens this picture: the same sequence, settings and notation, at step{' '}
        <strong>{state.step}</strong>
        {lesson ? <>, lesson step {lesson}</> : null}.
      </p>
      {imported && (
        <p className="share-note">
          These weights came from a file, which a link cannot carry: the link opens the typed
          sequence with its own weights.
        </p>
      )}
      <fieldset>
        <legend>Leave out</legend>
        <div className="share-parts">
          {HIDE_PARTS.map((part) => (
            <label key={part}>
              <input
                type="checkbox"
                checked={hide.includes(part)}
                onChange={(e) => toggle(part, e.target.checked)}
              />{' '}
              {PART_LABELS[part]}
            </label>
          ))}
        </div>
        <label className="share-embed">
          <input type="checkbox" checked={embed} onChange={(e) => setEmbed(e.target.checked)} /> For
          an iframe (<code>embed=1</code>: without the site’s header)
        </label>
      </fieldset>
      <label htmlFor={`${id}-link`} className="share-link-label">
        Link
      </label>
      <textarea
        ref={field}
        id={`${id}-link`}
        className="share-link"
        rows={3}
        readOnly
        spellCheck={false}
        value={link}
        onFocus={(e) => e.target.select()}
      />
      <div className="share-actions">
        <button
          type="button"
          onClick={() =>
            void copyText(link, field.current).then((ok) =>
              setCopied({
                link,
                text: ok ? 'Copied' : 'Select the link and copy it with Ctrl+C (⌘C).',
              }),
            )
          }
        >
          Copy link
        </button>
        <span role="status" className="share-status">
          {copied.link === link ? copied.text : ''}
        </span>
        <button type="button" className="share-close" onClick={close}>
          Close
        </button>
      </div>
    </dialog>
  );
}
