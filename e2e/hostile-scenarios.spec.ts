import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { expect, test } from './fixtures';
import { openApp, stepLabel } from './app';
import { FIFTY_MB, hostileScenarios } from './hostileScenarios';

// Hostile input at scale, through the Import… control: 100 malformed or hostile scenario files
// (not JSON, wrong shapes, NaN as strings, overflow, 10⁶-element arrays, deep nesting,
// __proto__ keys, a 50 MB file). Each is refused whole with a message naming the file, the
// picture stays as it was, nothing is polluted or injected, and the page answers a frame
// within a second of being given the file.

for (const half of [0, 1])
  test(`100 hostile scenario files are refused whole, the page responsive (${half ? 'second' : 'first'} 50)`, async ({
    page,
  }, testInfo) => {
    test.setTimeout(90_000);
    await openApp(page, { text: 'keep me', step: 'f3', hidden: '4' });
    const loss = await page.getByTestId('running-loss').getAttribute('data-value');
    const url = page.url();
    const importer = page.getByLabel('Import…');
    const message = page.getByRole('alert');

    // On disk, so the browser reads them as a user's files (and megabytes do not go through
    // the DevTools protocol).
    const files: { name: string; text: string | Buffer }[] = hostileScenarios();
    files.push({ name: 'fifty-mb.json', text: Buffer.alloc(FIFTY_MB, ' ') });
    expect(files).toHaveLength(100);
    const mine = files.slice(half * 50, half * 50 + 50).map((f) => {
      const path = testInfo.outputPath(f.name);
      writeFileSync(path, f.text);
      return path;
    });

    let slowest = 0;
    const reasons = new Map<string, number>();
    for (const file of mine) {
      const name = basename(file);
      const started = Date.now();
      await importer.setInputFiles(file);
      await expect(message).toContainText(name);
      // A frame after the refusal shows: the main thread was not held.
      const frameMs = await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const t = performance.now();
            requestAnimationFrame(() => resolve(performance.now() - t));
          }),
      );
      slowest = Math.max(slowest, Date.now() - started);
      expect(frameMs, `a frame after ${name}`).toBeLessThan(1000);
      const text = (await message.textContent()) ?? '';
      expect(text, name).toMatch(
        new RegExp(`^${name.replace('.', '\\.')}( was not loaded: |: too large)`),
      );
      reasons.set(name.split('-')[0], (reasons.get(name.split('-')[0]) ?? 0) + 1);
    }
    console.log(`hostile scenario files: ${mine.length}, slowest to refuse ${slowest} ms`, reasons);

    // Untouched: the same URL, step, text and loss; nothing polluted, nothing injected.
    expect(page.url()).toBe(url);
    await expect(stepLabel(page)).toHaveAttribute('data-step', 'f3');
    await expect(page.getByLabel('Sequence')).toHaveValue('keep me');
    await expect(page.getByTestId('running-loss')).toHaveAttribute('data-value', loss!);
    expect(
      await page.evaluate(() => ({
        polluted: ({} as Record<string, unknown>).polluted ?? null,
        pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null,
        injected: document.querySelectorAll('script:not([src]), [onerror], .pwned, #pwned').length,
      })),
    ).toEqual({ polluted: null, pwned: null, injected: 0 });

    // And a good file still loads.
    await importer.setInputFiles('test/fixtures/example-scenario.json');
    await expect(
      page.getByRole('status').filter({ hasText: 'Loaded example-scenario.json.' }),
    ).toBeVisible();
  });
