#!/usr/bin/env bash
# Checks the deployment files without a Docker engine: compose (docker-compose), Prometheus and Alertmanager (promtool, amtool), Grafana dashboards (jq).
#
# Usage: scripts/check-deploy.sh   (from anywhere; CI calls it from .ci/run)
# One line per check; stops at the first failure with the reason. Needs the Debian packages
# docker-compose, prometheus (promtool), prometheus-alertmanager (amtool) and jq, plus node.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

BASE=docker-compose.yml
OVERLAY=docker-compose.monitoring.yml
TEMPLATE=.env.template
PROMETHEUS_DIR=monitoring/prometheus
ALERTMANAGER_CONFIG=monitoring/alertmanager/alertmanager.yml
DATASOURCES_DIR=monitoring/grafana/provisioning/datasources
DASHBOARDS_DIR=monitoring/grafana/dashboards
DATASOURCE_UID=netwatch-prometheus
# Secrets that must never fall back to a default: compose must mark them ${NAME:?message}.
# (The check below finds every such variable; this list only guards against losing one.)
MUST_REQUIRE=(NETWATCH_METRICS_TOKEN REDIS_PASSWORD GRAFANA_ADMIN_PASSWORD)
# Where docker-compose.monitoring.yml's Prometheus finds the metrics token; promtool needs a real file.
TOKEN_PATH_IN_CONTAINER=/run/netwatch/metrics-token

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

ok() { printf 'ok    %s\n' "$1"; }
fail() {
  printf 'FAIL  %s\n' "$1" >&2
  if [[ -s $tmp/out ]]; then sed 's/^/      /' "$tmp/out" >&2; fi
  exit 1
}
need() { command -v "$1" >/dev/null || fail "$1 is not installed ($2)"; }

# Compose reads the caller's environment before the env file: run it with nothing but PATH and
# HOME, so an exported secret (or COMPOSE_FILE, COMPOSE_PROFILES) cannot make a check pass.
compose() { env -i PATH="$PATH" HOME="${HOME:-$tmp}" docker-compose "$@" >"$tmp/out" 2>&1; }

# 32 hex characters: long enough for every token rule (16+), no character compose would interpret.
generated() { od -An -N16 -tx1 /dev/urandom | tr -d ' \n'; }

need docker-compose 'Debian package docker-compose'
need promtool 'Debian package prometheus'
need amtool 'Debian package prometheus-alertmanager'
need jq 'Debian package jq'
need node 'Node.js 20+'
for f in "$BASE" "$OVERLAY" "$TEMPLATE" "$PROMETHEUS_DIR/prometheus.yml" "$ALERTMANAGER_CONFIG"; do
  [[ -f $f ]] || fail "$f is missing"
done

# --- environment: what compose insists on, and whether the template declares it -------------
# Required = interpolated as ${NAME:?message} or ${NAME?message}; $${...} is an escaped literal.
mapfile -t required < <(grep -ohE '(^|[^$])\$\{[A-Za-z_][A-Za-z0-9_]*:?\?' "$BASE" "$OVERLAY" |
  sed -E 's/.*\$\{([A-Za-z_][A-Za-z0-9_]*).*/\1/' | sort -u)
((${#required[@]} > 0)) || fail "no \${NAME:?message} variables in $BASE or $OVERLAY: secrets would default to empty"
mapfile -t declared < <(grep -oE '^[A-Za-z_][A-Za-z0-9_]*=' "$TEMPLATE" | tr -d '=' | sort -u)
missing="$(comm -23 <(printf '%s\n' "${required[@]}") <(printf '%s\n' "${declared[@]}"))"
[[ -z $missing ]] || fail "$TEMPLATE lacks variables the compose files require: $(echo "$missing" | xargs)"
for name in "${MUST_REQUIRE[@]}"; do
  printf '%s\n' "${required[@]}" | grep -qx "$name" || fail "$name is not required (\${$name:?message}) in $BASE or $OVERLAY"
done
for name in "${required[@]}"; do
  if grep -E "^$name=" "$TEMPLATE" | grep -qvE "^$name=(''|\"\")?$"; then
    fail "$TEMPLATE gives the required $name a value: leave it empty so nobody runs with it"
  fi
done
ok "$TEMPLATE declares all ${#required[@]} required variables, empty: ${required[*]}"

# Every variable the compose files read, required or with a default, is documented in the template.
mapfile -t referenced < <(grep -ohE '(^|[^$])\$\{[A-Za-z_][A-Za-z0-9_]*' "$BASE" "$OVERLAY" |
  sed -E 's/.*\$\{([A-Za-z_][A-Za-z0-9_]*)/\1/' | sort -u)
undocumented="$(comm -23 <(printf '%s\n' "${referenced[@]}") <(printf '%s\n' "${declared[@]}"))"
[[ -z $undocumented ]] || fail "$TEMPLATE does not document variables the compose files read: $(echo "$undocumented" | xargs)"
ok "$TEMPLATE documents all ${#referenced[@]} variables the compose files read"

# The template with every required variable given a generated value: a working .env.
filled="$tmp/filled.env"
grep -vE "^($(IFS='|'; echo "${required[*]}"))=" "$TEMPLATE" >"$filled" || true
for name in "${required[@]}"; do printf '%s=%s\n' "$name" "$(generated)" >>"$filled"; done

all_files=(-f "$BASE" -f "$OVERLAY" --profile ids)

compose --env-file "$filled" -f "$BASE" config -q || fail "docker-compose config: $BASE"
ok "docker-compose config: $BASE"
compose --env-file "$filled" -f "$BASE" --profile ids config -q || fail "docker-compose config: $BASE --profile ids"
ok "docker-compose config: $BASE --profile ids"
compose --env-file "$filled" -f "$BASE" -f "$OVERLAY" config -q || fail "docker-compose config: $BASE + $OVERLAY"
ok "docker-compose config: $BASE + $OVERLAY"
compose --env-file "$filled" "${all_files[@]}" config -q || fail "docker-compose config: $BASE + $OVERLAY --profile ids"
ok "docker-compose config: $BASE + $OVERLAY --profile ids"

# The template as shipped must not start: its secrets are empty.
if compose --env-file "$TEMPLATE" "${all_files[@]}" config -q; then
  fail "docker-compose config accepts $TEMPLATE as it is: its empty secrets should stop it"
fi
grep -qE "$(IFS='|'; echo "${required[*]}")" "$tmp/out" ||
  fail "docker-compose config refuses $TEMPLATE but names none of the required variables"
ok "docker-compose config refuses $TEMPLATE as shipped (empty secrets) and names the variable"

# Each required variable on its own: left empty, compose must refuse and say which.
for name in "${required[@]}"; do
  sed -E "s/^$name=.*/$name=/" "$filled" >"$tmp/one-empty.env"
  if compose --env-file "$tmp/one-empty.env" "${all_files[@]}" config -q; then
    fail "docker-compose config accepts an empty $name"
  fi
  grep -q "$name" "$tmp/out" || fail "docker-compose config refuses an empty $name without naming it"
  ok "docker-compose config refuses an empty $name and names it"
done

# --- scrape targets against the compose services ---------------------------------------------
# stdout only: compose's warnings on stderr are not YAML.
env -i PATH="$PATH" HOME="${HOME:-$tmp}" docker-compose --env-file "$filled" "${all_files[@]}" config \
  >"$tmp/merged.yml" 2>"$tmp/out" || fail "docker-compose config (merged, for the target check)"
if ! MERGED="$tmp/merged.yml" PROMETHEUS_CONFIG="$PROMETHEUS_DIR/prometheus.yml" \
  node --input-type=module -e "$(cat <<'EOF'
// Every netwatch service in compose must be a Prometheus target on the port and address it
// listens on, and every netwatch target must be a compose service: a processor added to
// docker-compose.yml but not to prometheus.yml (or a port changed on one side) fails here.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

const compose = parse(readFileSync(process.env.MERGED, 'utf8'));
const prometheus = parse(readFileSync(process.env.PROMETHEUS_CONFIG, 'utf8'));
const job = (name) => prometheus.scrape_configs.find((j) => j.job_name === name) ?? {};
const sensorTargets = new Map();
for (const sc of job('netwatch-sensors').static_configs ?? [])
  for (const target of sc.targets) sensorTargets.set(target, sc.labels?.service);
const dns = job('netwatch-processors').dns_sd_configs ?? [];
const processorNames = new Map(dns.flatMap((d) => d.names.map((n) => [n, d.port])));

const envOf = (svc) => Array.isArray(svc.environment)
  ? Object.fromEntries(svc.environment.map((e) => [e.split('=')[0], e.split('=').slice(1).join('=')]))
  : (svc.environment ?? {});
const problems = [];
const sensors = [];
const processors = [];
for (const [name, svc] of Object.entries(compose.services ?? {})) {
  const command = typeof svc.command === 'string' ? svc.command.trim().split(/\s+/) : svc.command;
  if (!Array.isArray(command) || command[0] !== 'service') continue;
  const env = envOf(svc);
  const host = String(env.NETWATCH_HTTP_HOST ?? '127.0.0.1');  // the kit's defaults
  const port = Number(env.NETWATCH_HTTP_PORT ?? 9400);
  if (host === 'localhost' || host === '::1' || host.startsWith('127.'))
    problems.push(`${name}: NETWATCH_HTTP_HOST=${host} is loopback; Prometheus cannot reach its /metrics`);
  if (svc.network_mode === 'host') {
    sensors.push(name);
    const target = `host.docker.internal:${port}`;
    if (!sensorTargets.has(target))
      problems.push(`${name}: listens on host port ${port} but job netwatch-sensors has no target ${target}`);
    else if (sensorTargets.get(target) !== command[1])
      problems.push(`${name}: target ${target} is labelled service=${sensorTargets.get(target)}, not ${command[1]}`);
    sensorTargets.delete(target);
  } else {
    processors.push(name);
    if (!processorNames.has(name))
      problems.push(`${name}: not in job netwatch-processors (add it under dns_sd_configs.names in prometheus.yml)`);
    else if (processorNames.get(name) !== port)
      problems.push(`${name}: listens on port ${port} but job netwatch-processors scrapes port ${processorNames.get(name)}`);
    processorNames.delete(name);
  }
}
for (const target of sensorTargets.keys()) problems.push(`netwatch-sensors target ${target}: no host-network netwatch service listens there`);
for (const name of processorNames.keys()) problems.push(`netwatch-processors name ${name}: no such netwatch service in compose`);
if (problems.length > 0) {
  for (const p of problems) console.log(p);
  process.exit(1);
}
console.log(`${sensors.length} sensors (${sensors.join(', ')}), ${processors.length} processors (${processors.join(', ')})`);
EOF
)" >"$tmp/out" 2>&1; then
  fail "prometheus.yml scrape targets do not match the netwatch services in compose"
fi
ok "prometheus.yml scrapes every netwatch service in compose: $(cat "$tmp/out")"

# --- Prometheus -------------------------------------------------------------------------------
# A copy whose credentials_file points at a real file, since promtool opens it.
cp -r "$PROMETHEUS_DIR" "$tmp/prometheus"
printf '%s' "$(generated)" >"$tmp/metrics-token"
grep -qF "$TOKEN_PATH_IN_CONTAINER" "$tmp/prometheus/prometheus.yml" ||
  fail "prometheus.yml does not read the token from $TOKEN_PATH_IN_CONTAINER (docker-compose.monitoring.yml writes it there)"
sed -i "s|$TOKEN_PATH_IN_CONTAINER|$tmp/metrics-token|g" "$tmp/prometheus/prometheus.yml"
promtool check config "$tmp/prometheus/prometheus.yml" >"$tmp/out" 2>&1 || fail "promtool check config $PROMETHEUS_DIR/prometheus.yml"
ok "promtool check config $PROMETHEUS_DIR/prometheus.yml (rule files included)"

shopt -s nullglob
rules=("$PROMETHEUS_DIR"/rules/*.rules.yml)
rule_tests=("$PROMETHEUS_DIR"/rules/*.test.yml)
shopt -u nullglob
((${#rules[@]} > 0)) || fail "no $PROMETHEUS_DIR/rules/*.rules.yml"
((${#rule_tests[@]} > 0)) || fail "no promtool unit tests ($PROMETHEUS_DIR/rules/*.test.yml)"
promtool check rules "${rules[@]}" >"$tmp/out" 2>&1 || fail "promtool check rules"
ok "promtool check rules: ${rules[*]}"
promtool test rules "${rule_tests[@]}" >"$tmp/out" 2>&1 || fail "promtool test rules"
ok "promtool test rules: ${rule_tests[*]}"

# --- Alertmanager -----------------------------------------------------------------------------
amtool check-config "$ALERTMANAGER_CONFIG" >"$tmp/out" 2>&1 || fail "amtool check-config $ALERTMANAGER_CONFIG"
ok "amtool check-config $ALERTMANAGER_CONFIG"

# --- Grafana ----------------------------------------------------------------------------------
grep -rqE "^\s*uid:\s*['\"]?${DATASOURCE_UID}['\"]?\s*$" "$DATASOURCES_DIR" >"$tmp/out" 2>&1 ||
  fail "no datasource in $DATASOURCES_DIR has uid $DATASOURCE_UID"
ok "Grafana datasource provisioned with uid $DATASOURCE_UID"

shopt -s nullglob
dashboards=("$DASHBOARDS_DIR"/*.json)
shopt -u nullglob
((${#dashboards[@]} > 0)) || fail "no dashboards in $DASHBOARDS_DIR"
for dashboard in "${dashboards[@]}"; do
  jq -e . "$dashboard" >/dev/null 2>"$tmp/out" || fail "$dashboard is not valid JSON"
  # Every datasource reference is the provisioned uid: no ${DS_...} import inputs, no names.
  jq -e --arg uid "$DATASOURCE_UID" '
    [.. | objects | select(has("datasource")) | .datasource] as $refs
    | ($refs | length) > 0 and all($refs[]; type == "object" and .type == "prometheus" and .uid == $uid)' \
    "$dashboard" >/dev/null 2>"$tmp/out" ||
    fail "$dashboard: every datasource must be {\"type\": \"prometheus\", \"uid\": \"$DATASOURCE_UID\"}"
done
[[ -z $(jq -r '.uid' "${dashboards[@]}" | sort | uniq -d) ]] || fail "two dashboards in $DASHBOARDS_DIR share a uid"
ok "${#dashboards[@]} dashboard(s) parse and use only datasource uid $DATASOURCE_UID"

# Dashboard queries as recording rules (JSON is YAML), so promtool parses them; Grafana's range
# macros become 5m. Dashboards with template variables would need them substituted here too.
jq -s '{groups: [{name: "dashboard-queries", rules: [.[] | .. | objects | select(has("expr")) | .expr
    | gsub("\\$__(rate_interval|interval|range)"; "5m")]
  | to_entries | map({record: "dashboard_query_\(.key)", expr: .value})}]}' \
  "${dashboards[@]}" >"$tmp/dashboard-queries.yml"
queries="$(jq '.groups[0].rules | length' "$tmp/dashboard-queries.yml")"
promtool check rules "$tmp/dashboard-queries.yml" >"$tmp/out" 2>&1 || fail "a dashboard query does not parse as PromQL"
ok "$queries dashboard queries parse as PromQL"

echo "check-deploy: all checks passed"
