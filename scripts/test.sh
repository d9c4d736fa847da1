#!/usr/bin/env bash
# `npm test`: type-check, lint, the risk assessor's floors, unit, API (PGlite, and
# PostgreSQL when TEST_DATABASE_URL is set), multi-node and browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."

results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

ensure_chromium() {
  if [ -x /usr/bin/chromium ]; then return; fi
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    step "Installing Debian's Chromium for the browser tests"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
  else
    echo "Browser tests need Chromium at /usr/bin/chromium: run 'sudo apt-get install chromium' and try again." >&2
    exit 1
  fi
}

vitest_project() { # name, label, extra env...
  local project="$1" label="$2"
  shift 2
  step "$label"
  env "$@" npx vitest run --project "$project" --reporter=default --reporter=json --outputFile="$results/$label.json"
}

ensure_chromium

step "Type-check"
npm run --silent typecheck
step "Lint"
npm run --silent lint
step "Risk assessor floors: held-out split, stress sets, ../shared/data vs assessor/floors.json"
# eval:risk exits non-zero when a measure falls below its floor (or above its ceiling)
# in src/server/modules/safety/assessor/floors.json, naming it. The floors sit at the
# committed weights' values minus a small tolerance: this catches regressions, not the
# aspirational targets (printed beside them). To accept a lower measure, rerun with
# --set-floors --reason "…" in the same commit (corpus/risk/GUIDE.md "Floors").
npm run --silent eval:risk

vitest_project unit unit
vitest_project api api-pglite HEARTH_TEST_DRIVER=pglite
if [ -n "${TEST_DATABASE_URL:-}" ]; then
  vitest_project api api-postgres HEARTH_TEST_DRIVER=postgres
else
  echo "TEST_DATABASE_URL is not set: the API suite ran on PGlite only."
fi
if [ -n "${TEST_DATABASE_URL:-}" ] && [ -n "${REDIS_URL:-}" ]; then
  vitest_project multinode multinode
else
  echo "Multi-node tests need TEST_DATABASE_URL and REDIS_URL (.ci/run sets both): skipped."
fi

step "Build"
npm run --silent build
vitest_project browser browser

node scripts/test-summary.js "$results"
