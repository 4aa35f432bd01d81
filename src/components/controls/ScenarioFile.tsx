import { useId, useState } from 'react';
import { useStore } from '../../state/store';
import { scenarioToJson } from '../../core/scenarioSchema';

const MAX_BYTES = 2_000_000;

/** Import and export a scenario file (the format of trace-format.md), validated by the core's schema. */
export function ScenarioFile() {
  const id = useId();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const ready = useStore((s) => s.result !== null);

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_BYTES) {
      setMessage({ ok: false, text: `${file.name}: too large (over 2 MB); nothing changed.` });
      return;
    }
    const r = await useStore.getState().importScenario(await file.text(), file.name);
    // A newer change made meanwhile wins; this file's message no longer applies.
    if (!r.ok && 'cancelled' in r) return;
    setMessage(
      r.ok
        ? { ok: true, text: `Loaded ${file.name}.` }
        : { ok: false, text: `${file.name} was not loaded: ${r.error}` },
    );
  };

  const onExport = () => {
    const res = useStore.getState().result;
    if (!res) return;
    const json = JSON.stringify(scenarioToJson(res.scenario), null, 2);
    const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'unrolled-scenario.json';
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  return (
    <div className="field file">
      <span className="field-label">Scenario file</span>
      <span className="inline">
        <input
          id={`${id}-import`}
          className="visually-hidden file-input"
          type="file"
          accept=".json,application/json"
          onChange={(e) => {
            void onFile(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
        <label htmlFor={`${id}-import`} className="button-like">
          Import…
        </label>
        <button type="button" onClick={onExport} disabled={!ready}>
          Export
        </button>
      </span>
      {message && (
        <small className={message.ok ? 'help' : 'problem'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </small>
      )}
    </div>
  );
}
