#!/usr/bin/env bash
# Copies the Kafka and Neo4j jars from Maven Central (cached in ~/.m2) into <repo>/.cache/jars/{kafka,neo4j}.
#
# Usage: scripts/dev/fetch-jars.sh [kafka] [neo4j] [kafka4]   (default: kafka neo4j; kafka4 = opt-in Kafka 4.x)
# A folder is refreshed only when its pom changed: .cache/jars/<name>/.stamp holds the pom's sha256.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
POMS="$ROOT/scripts/dev/maven"
JARS="$ROOT/.cache/jars"

now() { echo "${EPOCHREALTIME/./}"; }                          # microseconds
elapsed() { local d=$(($(now) - $1)); printf '%d.%01ds' $((d / 1000000)) $((d / 100000 % 10)); }

fetch() {
  local name=$1 pom="$POMS/$1/pom.xml" out="$JARS/$1"
  [[ -f $pom ]] || { echo "fetch-jars: no pom for '$name' ($pom)" >&2; return 2; }
  local sum
  sum="$(sha256sum "$pom" | cut -d' ' -f1)"
  if [[ -f $out/.stamp && "$(cat "$out/.stamp")" == "$sum" ]]; then
    echo "fetch-jars: $name up to date ($(find "$out" -name '*.jar' | wc -l) jars in ${out#"$ROOT"/})"
    return 0
  fi
  local t0 tmp
  t0=$(now)
  echo "fetch-jars: $name: resolving $pom ..."
  mkdir -p "$JARS"
  # Copy into a scratch folder and swap it in, so an interrupted run never leaves a half folder
  # that looks complete.
  tmp="$(mktemp -d "$JARS/.$name.XXXXXX")"
  if ! mvn -q -B -f "$pom" dependency:copy-dependencies \
    -DoutputDirectory="$tmp" -DincludeScope=runtime >"$tmp.mvn.log" 2>&1; then
    cat "$tmp.mvn.log" >&2
    rm -rf "$tmp" "$tmp.mvn.log"
    echo "fetch-jars: $name: mvn failed" >&2
    return 1
  fi
  rm -f "$tmp.mvn.log"
  echo "$sum" >"$tmp/.stamp"
  rm -rf "$out"
  mv "$tmp" "$out"
  echo "fetch-jars: $name: $(find "$out" -name '*.jar' | wc -l) jars in ${out#"$ROOT"/} ($(elapsed "$t0"))"
}

main() {
  command -v mvn >/dev/null || { echo "fetch-jars: mvn not found (apt-get install -y maven)" >&2; exit 2; }
  local names=("$@")
  ((${#names[@]})) || names=(kafka neo4j)
  local n
  for n in "${names[@]}"; do
    case $n in
      kafka | neo4j | kafka4) fetch "$n" ;;
      *) echo "fetch-jars: unknown component '$n' (kafka, neo4j, kafka4)" >&2; exit 2 ;;
    esac
  done
}

main "$@"
