#!/usr/bin/env bash
# Makes the capture fixtures in this folder with real tools, plus one <fixture>.json of tshark's view of each.
#
# Needs root (for a private network namespace), tcpdump, dumpcap, editcap, mergecap, tshark,
# curl and python3. All traffic is on the loopback of a network namespace made for this run,
# so nothing from the host (or other users of its loopback) ends up in a fixture.
# Usage: services/lib/packet/test-data/make-fixtures.sh   (writes next to itself)
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
if [[ "${NETWATCH_FIXTURE_NETNS:-}" != 1 ]]; then
  exec unshare --net env NETWATCH_FIXTURE_NETNS=1 bash "$0" "$@"
fi
ip link set lo up

work="$(mktemp -d)"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

# A small web root and an HTTP server on the namespace's loopback.
mkdir -p "$work/www"
python3 -c 'import sys; sys.stdout.write("netwatch fixture\n" * 200)' >"$work/www/page.txt"
python3 -m http.server 8080 --bind 127.0.0.1 --directory "$work/www" >/dev/null 2>&1 &
pids+=($!)
for _ in $(seq 50); do curl -s -o /dev/null http://127.0.0.1:8080/ && break; sleep 0.1; done

# capture NAME CMD... : run a capture tool in the background until traffic() is done.
start_capture() {
  local log="$work/$1.log"
  shift
  "$@" 2>"$log" &
  cap_pid=$!
  for _ in $(seq 100); do grep -qi 'listening\|capturing' "$log" && break; sleep 0.05; done
  sleep 0.2
}
stop_capture() {
  sleep 0.3
  kill -INT "$cap_pid"
  wait "$cap_pid" || true
}

http_traffic() {
  curl -s -o /dev/null http://127.0.0.1:8080/page.txt
  curl -s -o /dev/null http://127.0.0.1:8080/missing
}

udp_traffic() {
  # UDP datagrams of 0..8000 bytes; the 8000-byte one is larger than small test chunks.
  python3 - <<'PY'
import socket
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
for n in (0, 1, 100, 1400, 8000):
    s.sendto(bytes(i & 0xFF for i in range(n)), ("127.0.0.1", 9999))
PY
}

cd "$here"

# 1. tcpdump, classic pcap, microseconds, Ethernet (Linux lo is DLT_EN10MB).
start_capture usec tcpdump -Z root --immediate-mode -i lo -U -w lo-http-usec.pcap tcp port 8080
http_traffic
stop_capture

# 2. tcpdump, nanosecond pcap, snaplen 96 so caplen < len on the larger segments.
start_capture nsec tcpdump -Z root --immediate-mode -i lo -U -s 96 --time-stamp-precision nano -w lo-http-nsec-snap96.pcap tcp port 8080
http_traffic
stop_capture

# 3. tcpdump on "any": Linux cooked v2 (LINKTYPE_LINUX_SLL2, 276), nanoseconds.
start_capture sll2 tcpdump -Z root --immediate-mode -i any -U --time-stamp-precision nano -w any-udp-sll2.pcap udp port 9999
udp_traffic
stop_capture

# 4. tcpdump on "any" forced to cooked v1 (LINKTYPE_LINUX_SLL, 113).
start_capture sll tcpdump -Z root --immediate-mode -i any -U -y LINUX_SLL -w any-udp-sll.pcap udp port 9999
udp_traffic
stop_capture

# 5. dumpcap, pcapng (SHB + IDB + EPBs + ISB at the end), Ethernet.
start_capture pcapng dumpcap -q -n -i lo -f 'tcp port 8080 or udp port 9999' -w lo-mixed.pcapng
http_traffic
udp_traffic
stop_capture

# 5b. dumpcap on two interfaces at once: one section, IDB 0 Ethernet (lo), IDB 1 cooked (any).
start_capture pcapng2 dumpcap -q -n -i lo -f 'tcp port 8080' -i any -f 'udp port 9999' -w lo-any-dumpcap.pcapng
http_traffic
udp_traffic
stop_capture

# 6. mergecap: one pcapng section, two interfaces with different link types and resolutions
#    (Ethernet in µs, SLL2 in ns).
mergecap -F pcapng -w multi-interface.pcapng lo-http-usec.pcap any-udp-sll2.pcap

# 7. Two pcapng sections in one file (concatenated files are valid pcapng, §4.1).
cat lo-mixed.pcapng multi-interface.pcapng >multi-section.pcapng

# 8. editcap: pcapng converted to nanosecond pcap.
editcap -F nsecpcap lo-mixed.pcapng lo-mixed-editcap-nsec.pcap

# 9. Big-endian pcap: the µs capture with every header field byte-swapped (as a
#    big-endian machine would have written it); tshark reads it back below.
python3 - lo-http-usec.pcap lo-http-usec-be.pcap <<'PY'
import struct, sys
src, dst = sys.argv[1], sys.argv[2]
b = open(src, "rb").read()
out = bytearray()
magic, vmaj, vmin, zone, sig, snap, lt = struct.unpack_from("<IHHiIII", b, 0)
out += struct.pack(">IHHiIII", magic, vmaj, vmin, zone, sig, snap, lt)
o = 24
while o < len(b):
    sec, frac, cap, orig = struct.unpack_from("<IIII", b, o)
    out += struct.pack(">IIII", sec, frac, cap, orig) + b[o + 16:o + 16 + cap]
    o += 16 + cap
open(dst, "wb").write(out)
PY

# Expectations: tshark's view of every fixture, so tests need no tshark at run time.
tshark_version="$(tshark --version | head -1)"
for f in *.pcap *.pcapng; do
  tshark -r "$f" -T fields -E separator=, \
    -e frame.len -e frame.cap_len -e frame.time_epoch -e frame.interface_id -e frame.protocols \
    >"$work/fields.csv"
  python3 - "$f" "$tshark_version" "$work/fields.csv" >"${f}.json" <<'PY'
import json, sys
name, version, csv = sys.argv[1], sys.argv[2], sys.argv[3]
frames = []
for line in open(csv):
    length, caplen, epoch, ifid, protocols = line.rstrip("\n").split(",", 4)
    frames.append([int(length), int(caplen), epoch, int(ifid or 0), protocols.split(":")[0]])
print(json.dumps({
    "file": name,
    "made_by": version + " -T fields -e frame.len -e frame.cap_len -e frame.time_epoch "
               "-e frame.interface_id -e frame.protocols (first protocol only)",
    "columns": ["len", "cap_len", "time_epoch", "interface_id", "first_protocol"],
    "frames": frames,
}, separators=(",", ":")).replace("],[", "],\n["))
PY
done
chmod 644 "$here"/*.pcap "$here"/*.pcapng
ls -l "$here"
