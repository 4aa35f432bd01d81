import { useId, useState } from 'react';
import { CHOICES, ratesInBounds } from '../../core/model';

const KEEP = CHOICES.keep;

/** "0.9, 0.5" → [0.9, 0.5]; null when a part is not a number. */
function parseRates(raw: string): number[] | null {
  const parts = raw.split(/[\s,]+/).filter(Boolean);
  if (!parts.length) return null;
  const rates = parts.map(Number);
  return rates.every(Number.isFinite) ? rates : null;
}

/**
 * Leaky units' keep rates κ: one for every unit, or one per unit, each in [0, 1), bounds from
 * the declaration (CHOICES.keep). A draft that does not fit says why and changes nothing.
 */
export function KeepField({
  value,
  hidden,
  disabled,
  onChange,
}: {
  value: readonly number[];
  hidden: number;
  disabled?: boolean;
  onChange: (rates: number[]) => void;
}) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const text = draft ?? value.join(', ');
  const rates = parseRates(text);
  const ok = rates !== null && ratesInBounds(KEEP, rates, hidden);
  const range = `each at least ${KEEP.min} and below ${KEEP.below}`;
  const help = ok
    ? rates.length === 1
      ? `Every unit keeps ${rates[0]} of its old state each step (${range}; or give ${hidden}, one per unit).`
      : `One rate per unit (${range}).`
    : rates === null
      ? `Type numbers separated by commas, ${range}.`
      : rates.length !== 1 && rates.length !== hidden
        ? `Give one rate for every unit, or ${hidden} (one per unit); got ${rates.length}.`
        : `Rates must be ${range}: a unit that kept all of its state would never read its input.`;
  return (
    <div className="field">
      <label htmlFor={id}>{KEEP.label} κ</label>
      <input
        id={id}
        className="num"
        type="text"
        inputMode="decimal"
        size={12}
        value={text}
        disabled={disabled}
        spellCheck={false}
        autoComplete="off"
        aria-invalid={ok ? undefined : true}
        aria-describedby={`${id}-help`}
        onChange={(e) => {
          setDraft(e.target.value);
          const r = parseRates(e.target.value);
          if (r && ratesInBounds(KEEP, r, hidden)) onChange(r);
        }}
        onBlur={() => setDraft(null)}
      />
      <small id={`${id}-help`} className={ok ? 'help' : 'problem'}>
        {help}
      </small>
    </div>
  );
}
