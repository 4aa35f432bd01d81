import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The floors (docs/architecture.md) are only as good as the lint rule that holds them: each
// forbidden import below, linted as a small in-memory file at a path on that floor, must be an
// error of no-restricted-imports, and each allowed one must not, so a change to
// eslint.config.js that stops a rule from applying fails here.

const eslint = new ESLint({ cwd: process.cwd() });

/** The no-restricted-imports messages for `source` linted as if it were at `filePath`. */
async function restricted(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${source}\nexport const used = x;\n`, { filePath });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const imp = (from: string) => `import { x } from '${from}';`;

/** [file on a floor, an import it must not make]. */
const forbidden: [string, string][] = [
  // Views never import the worker, not even its types.
  ['src/components/training/Fake.tsx', '../../worker/client/client'],
  ['src/components/training/Fake.tsx', '../../worker/protocol'],
  ['src/components/training/Fake.tsx', '../../worker/host/compare'],
  ['src/components/app/Fake.tsx', '../../worker'],
  // Export, share and offline sit below the views and above the store.
  ['src/export/fake.ts', '../components/graph/Graph'],
  ['src/export/fake.ts', '../worker/client/client'],
  ['src/share/fake.ts', '../components/share/ShareDialog'],
  ['src/share/fake.ts', '../worker/protocol'],
  ['src/offline/fake.ts', '../components/app/App'],
  ['src/offline/fake.ts', '../worker/client/appWorker'],
  // The store: below the views and their helpers; the worker through its client only.
  ['src/state/fake.ts', '../components/app/App'],
  ['src/state/fake.ts', '../export/exportActions'],
  ['src/state/fake.ts', '../share/shareLink'],
  ['src/state/fake.ts', '../offline/registerServiceWorker'],
  ['src/state/fake.ts', '../layout/unrolled'],
  ['src/state/slices/fake.ts', '../../worker/host/sessions'],
  // The worker's client and host know the protocol, not each other, and nothing of the page.
  ['src/worker/client/fake.ts', '../host/api'],
  ['src/worker/client/fake.ts', '../../state/store'],
  ['src/worker/client/fake.ts', 'react'],
  ['src/worker/host/fake.ts', '../client/client'],
  ['src/worker/host/fake.ts', '../../state/store'],
  ['src/worker/host/fake.ts', '../../content/equations'],
  ['src/worker/host/fake.ts', '../../components/app/App'],
  ['src/worker/protocol.ts', './host/lab'],
  ['src/worker/protocol.ts', './client/client'],
  ['src/worker/protocol.ts', '../state/store'],
  // Layout and content build on the core only.
  ['src/layout/fake.ts', '../state/store'],
  ['src/layout/fake.ts', '../content/equations'],
  ['src/layout/fake.ts', 'react'],
  ['src/content/fake.ts', '../layout/unrolled'],
  ['src/content/fake.ts', '../worker/protocol'],
  ['src/content/fake.ts', '../state/store'],
  // The core is pure math.
  ['src/core/fake.ts', '../state/store'],
  ['src/core/fake.ts', '../worker/host/api'],
  ['src/core/fake.ts', '../export/latex'],
  ['src/core/fake.ts', 'react'],
  ['src/core/fake.ts', 'comlink'],
];

/** Imports that go down a floor, which must stay allowed. */
const allowed: [string, string][] = [
  ['src/components/training/Fake.tsx', '../../state/compare'],
  ['src/components/graph/Fake.tsx', '../../layout/unrolled'],
  ['src/export/fake.ts', '../state/store'],
  ['src/state/fake.ts', '../worker/client/client'],
  ['src/state/fake.ts', '../worker/protocol'],
  ['src/state/fake.ts', '../content/equations'],
  ['src/worker/client/fake.ts', '../protocol'],
  ['src/worker/host/fake.ts', '../protocol'],
  ['src/worker/host/fake.ts', '../../core/lab'],
  ['src/content/fake.ts', '../core/model'],
];

describe('lint holds every floor', () => {
  it.each(forbidden)('%s may not import %s', async (file, from) => {
    const messages = await restricted(file, imp(from));
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/src\/|core/);
  });

  it.each(allowed)('%s may import %s', async (file, from) => {
    expect(await restricted(file, imp(from))).toEqual([]);
  });

  it('tests may reach across the floors', async () => {
    expect(
      await restricted('src/components/training/fake.test.ts', imp('../../worker/host/api')),
    ).toEqual([]);
  });
});
