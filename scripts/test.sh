#!/usr/bin/env bash
# The test command: builds, starts real Kafka, Redis and Neo4j (unless NETWATCH_TEST_* point at running ones), runs every test, stops what it started.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== build"
npm run build --silent

if [[ -z "${NETWATCH_TEST_KAFKA_BROKERS:-}" ]]; then
  echo "== test infrastructure (Kafka, Redis, Neo4j)"
  scripts/dev/fetch-jars.sh
  trap 'scripts/dev/infra.sh down' EXIT
  scripts/dev/infra.sh up
  set -a
  # shellcheck disable=SC1091
  . .cache/infra/env
  set +a
fi

# The UI's unit tests (pure modules: stores, parsing, scales) compile apart from its Vite build.
rm -rf ui/test/dist
npx tsc -p ui/tsconfig.test.json

mapfile -t files < <(find services bench ui/test -path '*/node_modules' -prune -o -path '*/dist/*' -name '*.test.js' -print | sort)
echo "== ${#files[@]} test files"
# One file at a time: the Kafka suites share one broker and time their waits.
status=0
node --test --test-concurrency=1 --test-reporter=spec "${files[@]}" || status=$?

# Every UI page in real Chromium against the real api (needs ui/dist, which the build above made). Runs even when
# a suite above failed, so one CI log shows both; it bounds itself (240 s), timeout is the backstop.
echo "== UI pages in Chromium (screenshots in .cache/ui-pages/)"
timeout --kill-after=10 300 node ui/test/pages.mjs --out .cache/ui-pages || status=$?

# The deployment files: docker-compose config, promtool and amtool, dashboards (no Docker engine needed).
echo "== deployment checks"
bash scripts/check-deploy.sh || status=$?
exit "$status"
