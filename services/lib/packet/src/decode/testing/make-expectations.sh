#!/usr/bin/env bash
# Writes tshark's L3/L4 view of every capture fixture to expectations/<fixture>.json for decode-fixtures.test.ts.
#
# Needs tshark (and python3 to shape the JSON). Reads services/lib/packet/test-data/*.pcap and
# *.pcapng (made by test-data/make-fixtures.sh); rerun after regenerating the fixtures.
# Fields with more than one occurrence in a frame (tunnels, ICMP errors quoting a packet) are
# joined with ";" so the test can refuse them rather than compare the wrong one.
# Usage: services/lib/packet/src/decode/testing/make-expectations.sh
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
fixtures="$(cd "$here/../../../test-data" && pwd)"
out="$here/expectations"
mkdir -p "$out"

fields=(ip.src ip.dst ipv6.src ipv6.dst ip.proto tcp.srcport tcp.dstport udp.srcport udp.dstport
  tcp.flags tcp.seq_raw tcp.ack_raw tcp.window_size_value tcp.options.mss_val
  tcp.options.wscale.shift tcp.len udp.length)
args=()
for f in "${fields[@]}"; do args+=(-e "$f"); done
version="$(tshark --version 2>/dev/null | head -1)"

shopt -s nullglob
for path in "$fixtures"/*.pcap "$fixtures"/*.pcapng; do
  name="$(basename "$path")"
  tshark -r "$path" -T fields -E separator=, -E aggregator=';' -E quote=n "${args[@]}" 2>/dev/null |
    python3 -c '
import json, sys
name, version, columns = sys.argv[1], sys.argv[2], sys.argv[3].split()
rows = [line.rstrip("\n").split(",") for line in sys.stdin]
for row in rows:
    assert len(row) == len(columns), (name, row)
doc = {
    "file": name,
    "made_by": version + " -T fields -E separator=, -E aggregator=; (make-expectations.sh)",
    "columns": columns,
    "frames": rows,
}
print(json.dumps(doc, separators=(",", ":")).replace("],[", "],\n["))
' "$name" "$version" "${fields[*]}" >"$out/$name.json"
  echo "$name: $(grep -c '' "$out/$name.json") frames"
done
