#!/usr/bin/env bash
# `npm test`: every check of the project, in one command.
#
#   1. the browser the end-to-end tests need: Debian's chromium and fonts-liberation (apt-get,
#      as root or through sudo), or Playwright's own chromium where there is no apt-get;
#   2. typecheck (tsc -b), lint (eslint), format (prettier --check);
#   3. unit tests (vitest run -> reports/unit.json);
#   4. build (vite build -> dist/), then the load budget (scripts/check-budget.ts: the JS loaded
#      before the first paint, gzipped, within 170 kB), then end-to-end tests against the build
#      (playwright -> reports/e2e.json);
#   5. the closing lines, from the two reports (scripts/report-summary.mjs):
#        unit: N passed, N failed
#        e2e: N passed, N failed
#
# Every step runs even when an earlier one failed (budget and e2e need only the build), and the
# script exits non-zero if any step failed or if no test ran.
#
# It does not install node modules: on a fresh clone run `npm ci && npm test` (README).
# CHROMIUM_PATH=/path/to/chrome skips the browser install and uses that browser.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# The project's own tools, without npx's start-up (and npm's warnings) before each.
PATH="$PWD/node_modules/.bin:$PATH"
# Plain text in logs.
[ -t 1 ] || export NO_COLOR=1

failed=()
started=$SECONDS

# run NAME COMMAND...: runs one step, records its failure, goes on.
run() {
  local name=$1 t0=$SECONDS
  shift
  echo
  echo "=== $name: $*"
  if "$@"; then
    echo "=== $name: ok ($((SECONDS - t0)) s)"
  else
    echo "=== $name: FAILED ($((SECONDS - t0)) s)"
    failed+=("$name")
    return 1
  fi
}

as_root() {
  if [ "$(id -u)" = 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    echo "need root (or sudo) for: $*" >&2
    return 1
  fi
}

apt_install() {
  local log
  log=$(mktemp)
  echo "installing with apt-get: $*"
  if as_root apt-get update -qq >"$log" 2>&1 &&
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
      -o DPkg::Lock::Timeout=300 "$@" >>"$log" 2>&1 </dev/null; then
    rm -f "$log"
  else
    tail -n 20 "$log"
    rm -f "$log"
    return 1
  fi
}

have_playwright_chromium() {
  node -e "const { chromium } = require('@playwright/test');
    process.exit(require('node:fs').existsSync(chromium.executablePath()) ? 0 : 1);" 2>/dev/null
}

dpkg_has() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'ok installed'
}

# The browser for the e2e tests (playwright.config.ts picks /usr/bin/chromium when it exists).
ensure_browser() {
  if [ -n "${CHROMIUM_PATH:-}" ]; then
    echo "using CHROMIUM_PATH=$CHROMIUM_PATH"
  elif [ -x /usr/bin/chromium ]; then
    # Same fonts everywhere, so text measures the same on every machine.
    if command -v apt-get >/dev/null 2>&1 && ! dpkg_has fonts-liberation; then
      apt_install fonts-liberation || return 1
    fi
    echo "using /usr/bin/chromium"
  elif have_playwright_chromium; then
    echo "using Playwright's chromium"
  elif command -v apt-get >/dev/null 2>&1; then
    apt_install chromium fonts-liberation || return 1
    echo "using /usr/bin/chromium"
  else
    playwright install chromium
  fi
}

mkdir -p reports
rm -f reports/unit.json reports/e2e.json

if [ ! -d node_modules ]; then
  echo "node_modules is missing: run \`npm ci\` first (or \`npm ci && npm test\`)."
  node scripts/report-summary.mjs
  exit 1
fi

run browser ensure_browser
run typecheck tsc -b
run lint eslint .
run format prettier --check --log-level warn .
run unit vitest run
if run build vite build --logLevel warn; then
  run budget tsx scripts/check-budget.ts
  # E2E_PREBUILT: playwright.config.ts then only previews this build.
  # (Not NO_COLOR: Playwright sets FORCE_COLOR for its web server, and Node warns of both.)
  E2E_PREBUILT=1 run e2e env -u NO_COLOR playwright test
else
  echo "=== budget, e2e: not run, the build failed"
  failed+=(budget e2e)
fi

echo
echo "=== done in $((SECONDS - started)) s"
if [ ${#failed[@]} -gt 0 ]; then
  echo "failed steps: ${failed[*]}"
fi
node scripts/report-summary.mjs
summary=$?
[ ${#failed[@]} -eq 0 ] && [ $summary -eq 0 ]
