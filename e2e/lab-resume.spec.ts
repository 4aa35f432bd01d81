import type { Worker } from '@playwright/test';
import { expect, test, type Page } from './fixtures';
import { lab, metric, openLab, trainSteps } from './lab';

// Story: a training session survives a reload (the page offers it back: resume, or start
// afresh) and a worker crash in the middle of training (it goes on from the last snapshot).

const small = { task: 'parity', hidden: '8' };
const lossPoints = (page: Page) => page.locator('svg[data-chart="loss"]');

/** The iteration of the session saved in IndexedDB, or null (read as the app stores it). */
function savedIteration(page: Page): Promise<number | null> {
  return page.evaluate(async () => {
    const dbs = await indexedDB.databases();
    if (!dbs.some((d) => d.name === 'unrolled')) return null; // never create it from here
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('unrolled');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    try {
      if (!db.objectStoreNames.contains('state')) return null;
      const value = await new Promise<unknown>((resolve, reject) => {
        const req = db.transaction('state').objectStore('state').get('lab-session');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      return (
        (value as { snapshot?: { iteration?: number } } | undefined)?.snapshot?.iteration ?? null
      );
    } finally {
      db.close();
    }
  });
}

async function reloadLab(page: Page) {
  await page.reload();
  await expect(lab(page)).toBeVisible();
  await expect(metric(page, 'spectral-radius')).toHaveText(/\d/);
}

test('a reload offers the session back: Resume brings back the iteration and the curves', async ({
  page,
}) => {
  await openLab(page, small);
  await trainSteps(page, 300);
  await expect(lossPoints(page)).not.toHaveAttribute('data-points', '0');
  const points = await lossPoints(page).getAttribute('data-points');
  await expect.poll(() => savedIteration(page)).toBe(300);

  await reloadLab(page);
  const offer = page.getByRole('group', { name: /Resume training from iteration 300\?/ });
  await expect(offer).toBeVisible();
  await expect(offer).toContainText('A session with these settings was saved');
  await expect(metric(page, 'iteration')).toHaveText('0');

  await offer.getByRole('button', { name: 'Resume', exact: true }).click();
  await expect(offer).toBeHidden();
  await expect(metric(page, 'iteration')).toHaveText('300');
  await expect(lossPoints(page)).toHaveAttribute('data-points', points!);
  // And it trains on from there.
  await trainSteps(page, 20);
  await expect.poll(() => savedIteration(page)).toBe(320);
});

test('Start afresh keeps the fresh run at 0 and forgets the saved one; other settings are named', async ({
  page,
}) => {
  await openLab(page, small);
  await trainSteps(page, 50);
  await expect.poll(() => savedIteration(page)).toBe(50);

  // Opened with another hidden size: offered anyway, saying which settings it had.
  await openLab(page, { ...small, hidden: '6' });
  const offer = page.getByRole('group', { name: /Resume training from iteration 50\?/ });
  await expect(offer).toContainText('It was trained with other settings: Hidden size: 8.');
  await offer.getByRole('button', { name: 'Start afresh' }).click();
  await expect(offer).toBeHidden();
  await expect.poll(() => savedIteration(page)).toBeNull();
  await expect(metric(page, 'iteration')).toHaveText('0');
  await expect(page.getByLabel('Hidden size')).toHaveValue('6');
});

test('the worker killed during training: training goes on from the last snapshot, not from 0', async ({
  page,
}) => {
  const workers: Worker[] = [];
  page.on('worker', (w) => workers.push(w));
  await openLab(page, small);
  expect(workers).toHaveLength(1);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  // A snapshot is taken about every 5 s while training.
  await expect.poll(() => savedIteration(page), { timeout: 20_000 }).toBeGreaterThan(0);
  const saved = (await savedIteration(page))!;

  // Every iteration the page shows from now on.
  await page.evaluate(() => {
    const shown: number[] = [];
    (window as unknown as { shown: number[] }).shown = shown;
    const el = document.querySelector('[data-metric="iteration"]')!;
    new MutationObserver(() => shown.push(Number(el.textContent))).observe(el, {
      childList: true,
      characterData: true,
      subtree: true,
    });
  });
  await workers[0].evaluate(() => {
    setTimeout(() => {
      throw new Error('deliberate crash (e2e)');
    });
  });
  await expect.poll(() => workers.length).toBe(2);
  // Training goes on (the toggle still says Pause) past where it was.
  await expect
    .poll(async () => Number(await metric(page, 'iteration').textContent()), { timeout: 20_000 })
    .toBeGreaterThan(saved + 50);
  await expect(page.getByRole('button', { name: 'Pause training' })).toBeVisible();
  const shown = await page.evaluate(() => (window as unknown as { shown: number[] }).shown);
  expect(shown.length).toBeGreaterThan(0);
  expect(Math.min(...shown)).toBeGreaterThanOrEqual(saved);
  await page.getByRole('button', { name: 'Pause training' }).click();
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeVisible();
});
