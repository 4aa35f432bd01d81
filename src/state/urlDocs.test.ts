import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FRAME_KEYS, HIDE_PARTS, LAB_URL_PROPS, URL_PROPS } from './url';
import { APP_DEFAULTS, SPEEDS, THEMES, VIEWS } from './appChoices';
import { CHOICES, type ChoiceName } from '../core/model';
import { LAB_CHOICES, type LabChoiceName } from '../core/lab/choices';

// docs/embedding.md lists every URL key of the one URL table, so the two cannot drift apart:
// a key added to the table without a line in the docs fails here.

const doc = readFileSync(join(__dirname, '../../docs/embedding.md'), 'utf8');

/** The rows of the doc's tables: key → the rest of the row. */
const rows = new Map(
  [...doc.matchAll(/^\| `([A-Za-z]+)=` *\|(.*)$/gm)].map((m) => [m[1], m[2]] as const),
);

describe('docs/embedding.md', () => {
  it('has a row for every key of the URL table and of the frame', () => {
    for (const key of [...Object.keys(URL_PROPS), ...Object.keys(LAB_URL_PROPS), ...FRAME_KEYS])
      expect(rows.has(key), `docs/embedding.md has no row for \`${key}=\``).toBe(true);
  });

  it('gives each model choice its default and every option', () => {
    for (const key of Object.keys(CHOICES) as ChoiceName[]) {
      const c = CHOICES[key];
      const row = rows.get(key)!;
      expect(row, key).toContain(`\`${String(c.default)}\``);
      if (c.kind === 'enum') for (const o of c.options) expect(row, key).toContain(`\`${o}\``);
    }
    // The lab's own keys (those it shares with the model are described in words).
    for (const key of Object.keys(LAB_CHOICES) as LabChoiceName[]) {
      if (key in CHOICES) continue;
      const c = LAB_CHOICES[key];
      const row = rows.get(key)!;
      expect(row, key).toContain(`\`${String(c.default)}\``);
      if (c.kind === 'enum') for (const o of c.options) expect(row, key).toContain(`\`${o}\``);
    }
    for (const [key, options] of [
      ['view', VIEWS],
      ['theme', THEMES],
      ['speed', SPEEDS],
      ['hide', HIDE_PARTS],
    ] as const)
      for (const o of options) expect(rows.get(key), key).toContain(`\`${o}\``);
    for (const key of ['view', 'theme', 'speed'] as const)
      expect(rows.get(key), key).toContain(`\`${APP_DEFAULTS[key]}\``);
  });

  it('names every message of the API, both ways', () => {
    for (const type of ['ready', 'step', 'resize'])
      expect(doc).toContain(`{ source: "unrolled", type: "${type}"`);
    for (const type of ['setStep', 'play', 'pause'])
      expect(doc).toContain(`{ target: "unrolled", type: "${type}"`);
  });
});
