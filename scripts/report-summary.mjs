// Prints the closing lines of `npm test` from the runners' JSON reports:
//
//   unit: N passed, N failed[, N skipped]     (vitest: reports/unit.json)
//   e2e: N passed, N failed[, N skipped]      (Playwright: reports/e2e.json)
//
// A missing or unreadable report (the runner crashed or never ran) counts as one failure, and
// so does a run with no test at all. Exits 1 if anything failed, else 0.
// Usage: node scripts/report-summary.mjs [UNIT_JSON] [E2E_JSON]
import { readFileSync } from 'node:fs';

const [unitPath = 'reports/unit.json', e2ePath = 'reports/e2e.json'] = process.argv.slice(2);
const notes = [];

function read(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    notes.push(
      `${path}: ${e.code === 'ENOENT' ? 'missing' : 'unreadable'}: the runner did not run or did not finish`,
    );
    return null;
  }
}

// Vitest's JSON reporter (Jest-compatible).
function unitCounts(r) {
  if (!r) return { passed: 0, failed: 1, skipped: 0 };
  const passed = r.numPassedTests ?? 0;
  let failed = r.numFailedTests ?? 0;
  // A test file that fails to load, or an unhandled error, fails the run without a failed test.
  // (No test file at all also makes success false; that shows as "0 passed, 0 failed" below.)
  if (r.success === false && failed === 0 && (r.numTotalTestSuites ?? 0) > 0) {
    failed = Math.max(1, r.numFailedTestSuites ?? 0);
    notes.push(
      'unit: the run failed outside any test (a file that does not load, an unhandled error)',
    );
  }
  return { passed, failed, skipped: (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0) };
}

// Playwright's JSON reporter. A flaky test (failed, then passed on retry) counts as failed; so
// does each global error (say, the web server did not start).
function e2eCounts(r) {
  if (!r) return { passed: 0, failed: 1, skipped: 0 };
  const s = r.stats ?? {};
  const errors = r.errors?.length ?? 0;
  for (const e of r.errors ?? []) {
    notes.push(`e2e: error outside the tests: ${String(e.message ?? e).split('\n')[0]}`);
  }
  return {
    passed: s.expected ?? 0,
    failed: (s.unexpected ?? 0) + (s.flaky ?? 0) + errors,
    skipped: s.skipped ?? 0,
  };
}

const results = [
  ['unit', unitCounts(read(unitPath))],
  ['e2e', e2eCounts(read(e2ePath))],
];

let ok = true;
for (const [name, c] of results) {
  if (c.failed > 0) ok = false;
  if (c.passed + c.failed === 0) {
    ok = false;
    notes.push(`${name}: no test ran, which counts as a failure`);
  }
}

for (const note of notes) console.log(`note: ${note}`);
for (const [name, c] of results) {
  const skipped = c.skipped ? `, ${c.skipped} skipped` : '';
  console.log(`${name}: ${c.passed} passed, ${c.failed} failed${skipped}`);
}
process.exitCode = ok ? 0 : 1;
