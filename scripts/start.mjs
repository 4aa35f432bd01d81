// `npm start`: builds the app, then serves the build with `vite preview` on port 4173 until
// stopped. A signal to this process (Ctrl-C, or SIGTERM/SIGHUP to npm, which passes them on)
// goes on to the build or the server, and this process exits when the server has; if this
// process's parent goes away without a word (SIGKILL), the server is stopped too. So stopping
// `npm start` never leaves a server holding the port.
// Arguments go to `vite preview`: `npm start -- --port 8080`.
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const vite = join(root, 'node_modules/vite/bin/vite.js');
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];
/** A shell's exit status for death by this signal. */
const statusOf = (signal) => 128 + constants.signals[signal];

let child = null;
let stopping = null;

for (const signal of SIGNALS) {
  process.on(signal, () => {
    stopping ??= signal;
    if (child && child.exitCode === null && child.signalCode === null) child.kill(signal);
    else process.exit(statusOf(signal));
  });
}

// Orphaned (the parent was killed outright): stop as if told to.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) process.kill(process.pid, 'SIGTERM');
}, 1000).unref();

/** Runs vite with these arguments; resolves with its exit code (128 + n for signal n). */
function runVite(args) {
  return new Promise((resolve) => {
    child = spawn(process.execPath, [vite, ...args], { cwd: root, stdio: 'inherit' });
    child.on('exit', (code, signal) => {
      child = null;
      resolve(code ?? statusOf(signal));
    });
    child.on('error', (e) => {
      console.error(`cannot start vite: ${e.message}`);
      child = null;
      resolve(1);
    });
  });
}

const built = await runVite(['build']);
if (built !== 0 || stopping) process.exit(built || 1);
const args = process.argv.slice(2);
const port = args.some((a) => /^--port(=|$)/.test(a)) ? [] : ['--port', '4173'];
process.exit(await runVite(['preview', ...port, '--strictPort', ...args]));
