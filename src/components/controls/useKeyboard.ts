import { useEffect } from 'react';
import { useStore } from '../../state/store';

// The transport's keys (spec/ui-contract.md). They act unless focus is in a field that needs
// the key itself; PageDown/PageUp are what presentation clickers send.

function ownsKey(el: EventTarget | null, key: string): boolean {
  if (!(el instanceof HTMLElement)) return false;
  if (el.isContentEditable) return true;
  const tag = el.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = (el as HTMLInputElement).type;
    // The timeline slider moves itself with arrows, Home, End and Page keys; Space still plays.
    if (type === 'range') return key !== ' ';
    if (type === 'checkbox' || type === 'radio' || type === 'button') return key === ' ';
    return true; // a text field
  }
  // A focused button activates itself on Space and Enter.
  if (
    (tag === 'BUTTON' || el.getAttribute('role') === 'button') &&
    (key === ' ' || key === 'Enter')
  )
    return true;
  return false;
}

export function useKeyboard(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || e.defaultPrevented) return;
      if (ownsKey(e.target, e.key)) return;
      const s = useStore.getState();
      switch (e.key) {
        case 'ArrowRight':
        case 'PageDown':
          s.stepForward();
          break;
        case 'ArrowLeft':
        case 'PageUp':
          s.stepBack();
          break;
        case ' ':
          s.setPlaying(!s.playing);
          break;
        case 'Home':
          s.reset();
          break;
        case 'End':
          s.toEnd();
          break;
        default:
          return;
      }
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
