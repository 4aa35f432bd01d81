import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunchOptions } from './scripts/chromium';

// End-to-end tests run against the BUILT app served by `vite preview`, as a user gets it.
//
// `npm test` (scripts/test-all.sh) builds once and sets E2E_PREBUILT=1, so the web server here
// only previews that build, and never reuses a server already on the port (it could be serving
// another tree). A plain `npx playwright test` builds first, so it never tests a stale dist/,
// and outside CI reuses a preview server you already have running.
// The tests have their own port, 4179, so they run beside `npm start` (4173); E2E_PORT picks
// another.

const isCI = !!process.env.CI;
const port = Number(process.env.E2E_PORT) || 4179;
const baseURL = `http://localhost:${port}`;

const vite = 'node_modules/.bin/vite';
const preview = `${vite} preview --port ${port} --strictPort`;

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  forbidOnly: isCI,
  // A flaky test is a bug to fix, not something to retry away.
  retries: 0,
  // Two cores: one worker beside the preview server in CI, two on a developer's machine.
  workers: isCI ? 1 : 2,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'reports/e2e.json' }]],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        // Debian's chromium when installed, else Playwright's own (scripts/chromium.ts).
        launchOptions: chromiumLaunchOptions,
      },
    },
  ],
  webServer: {
    command: process.env.E2E_PREBUILT ? preview : `${vite} build --logLevel warn && ${preview}`,
    url: baseURL,
    reuseExistingServer: !isCI && !process.env.E2E_PREBUILT,
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
