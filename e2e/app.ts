import { readFileSync } from 'node:fs';
import { expect, type Page } from './fixtures';

// Shared steps of the user stories: open the app at a URL and wait until its trace is ready.

export const exampleScenario = JSON.parse(
  readFileSync('test/fixtures/example-scenario.json', 'utf8'),
);
export const exampleTrace = JSON.parse(readFileSync('test/fixtures/example-trace.json', 'utf8'));

/** Opens the app with these URL parameters and waits until the worker's trace is on screen. */
export async function openApp(page: Page, params: Record<string, string> = {}): Promise<void> {
  const q = new URLSearchParams(params).toString();
  await page.goto(q ? `/?${q}` : '/');
  await expect(page.getByRole('button', { name: 'Step forward' })).toBeVisible();
  await expect(page.getByTestId('announcer')).not.toHaveText(/Computing/);
}

/** The step label (0, f3, b2, update) the transport shows. */
export function stepLabel(page: Page) {
  return page.getByTestId('step-label');
}

/** Relative closeness to 1e-9, as the spec asks of every number. */
export function expectClose(actual: number, expected: number, rel = 1e-9): void {
  const err = Math.abs(actual - expected) / Math.max(Math.abs(expected), 1e-300);
  expect(err, `${actual} vs ${expected}`).toBeLessThan(rel);
}

/** 3 significant digits, as the derivation panel writes numbers. */
export function sig3(v: number): string {
  return Number(v.toPrecision(3)).toString();
}

/** Waits until the derivation panel shows every value (3 significant digits, − as -). */
export async function expectPanelNumbers(
  page: Page,
  values: number[],
  timeout?: number,
): Promise<void> {
  const panel = page.getByRole('region', { name: 'Derivation' });
  const missing = async () => {
    const text = ((await panel.textContent()) ?? '').replaceAll('−', '-');
    return values.map(sig3).filter((v) => !text.includes(v));
  };
  await expect.poll(missing, { message: 'numbers missing from the panel', timeout }).toEqual([]);
}
