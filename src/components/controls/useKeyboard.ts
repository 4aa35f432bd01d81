import { useEffect } from 'react';
import { useStore } from '../../state/store';

// The transport's keys (spec/ui-contract.md). They act unless focus is in a field that needs
// the key itself; PageDown/PageUp are what presentation clickers send.
//
// A button keeps Space only when the keyboard brought focus to it (Tab): a presenter who
// clicked `Unroll` or `Step forward` with the mouse and then presses Space means Play, not a
// second press of the button the pointer left focused.

function isPressable(el: HTMLElement): boolean {
  const tag = el.tagName;
  if (tag === 'BUTTON' || el.getAttribute('role') === 'button') return true;
  if (tag !== 'INPUT') return false;
  const type = (el as HTMLInputElement).type;
  return type === 'checkbox' || type === 'radio' || type === 'button';
}

/**
 * Whether the focused element should keep this key rather than let the transport have it.
 * `byPointer`: focus came to it with a mouse or touch press (then Space is the transport's).
 */
export function ownsKey(el: EventTarget | null, key: string, byPointer = false): boolean {
  if (!(el instanceof HTMLElement)) return false;
  if (el.isContentEditable) return true;
  const tag = el.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  // A line of equations wider than its panel scrolls sideways with the arrows while focused.
  if (el.dataset.scrolls !== undefined && (key === 'ArrowLeft' || key === 'ArrowRight'))
    return true;
  // A radio group moves its choice with the arrows (the lesson's predictions).
  if (tag === 'INPUT' && (el as HTMLInputElement).type === 'radio' && key.startsWith('Arrow'))
    return true;
  if (isPressable(el)) {
    // A focused button activates itself on Space and Enter; a checkbox toggles on Space.
    if (key === ' ') return !byPointer;
    return key === 'Enter' && tag !== 'INPUT';
  }
  if (tag === 'INPUT') {
    // The timeline slider moves itself with arrows, Home, End and Page keys; Space still plays.
    if ((el as HTMLInputElement).type === 'range') return key !== ' ';
    return true; // a text field
  }
  return false;
}

export function useKeyboard(): void {
  useEffect(() => {
    // How focus reached the element that has it: the last input before a focus change decides.
    let pointerDown = false;
    let focusedByPointer: EventTarget | null = null;
    // A Space the transport took on keydown must not click the button on keyup.
    let swallowSpaceUp = false;

    const onPointerDown = () => {
      pointerDown = true;
    };
    const onFocusIn = (e: FocusEvent) => {
      focusedByPointer = pointerDown ? e.target : null;
    };
    const onAnyKey = () => {
      pointerDown = false;
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || e.defaultPrevented) return;
      const byPointer = e.target !== null && e.target === focusedByPointer;
      if (ownsKey(e.target, e.key, byPointer)) return;
      const s = useStore.getState();
      // The explorer's keys; the training lab's page leaves every key to its controls.
      if (s.page !== 'explorer') return;
      switch (e.key) {
        case 'ArrowRight':
        case 'PageDown':
          // In the lesson the clicker walks the step's cursor, then goes on to the next step.
          if (s.lesson > 0) s.lessonForward();
          else s.stepForward();
          break;
        case 'ArrowLeft':
        case 'PageUp':
          if (s.lesson > 0) s.lessonBack();
          else s.stepBack();
          break;
        case ' ':
          if (e.repeat) break;
          s.setPlaying(!s.playing);
          swallowSpaceUp = true;
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
    const onKeyUp = (e: KeyboardEvent) => {
      if (e.key === ' ' && swallowSpaceUp) {
        swallowSpaceUp = false;
        e.preventDefault();
      }
    };
    window.addEventListener('pointerdown', onPointerDown, true);
    window.addEventListener('focusin', onFocusIn, true);
    window.addEventListener('keydown', onAnyKey, true);
    window.addEventListener('keydown', onKey);
    window.addEventListener('keyup', onKeyUp, true);
    return () => {
      window.removeEventListener('pointerdown', onPointerDown, true);
      window.removeEventListener('focusin', onFocusIn, true);
      window.removeEventListener('keydown', onAnyKey, true);
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('keyup', onKeyUp, true);
    };
  }, []);
}
