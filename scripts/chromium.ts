import { existsSync } from 'node:fs';

// How every script and test here starts Chromium: Debian's build when it is installed (this
// machine cannot download Playwright's), else Playwright's own; flags that keep a headless
// browser off the network it does not have.
const debianChromium = '/usr/bin/chromium';

export const chromiumExecutable: string | undefined =
  process.env.CHROMIUM_PATH || (existsSync(debianChromium) ? debianChromium : undefined);

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

export const chromiumLaunchOptions = {
  ...(chromiumExecutable ? { executablePath: chromiumExecutable } : {}),
  args: chromiumArgs,
};
