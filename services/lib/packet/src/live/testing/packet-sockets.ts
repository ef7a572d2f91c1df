// Test helper: how many packet sockets are bound to an interface (/proc/net/packet), to prove close() really closes.
import { readFileSync } from 'node:fs';

/** Packet sockets of this network namespace bound to `interfaceName` (packet(7); columns of /proc/net/packet). */
export function packetSocketsOn(interfaceName: string): number {
  const ifindex = readFileSync(`/sys/class/net/${interfaceName}/ifindex`, 'utf8').trim();
  const rows = readFileSync('/proc/net/packet', 'utf8').trim().split('\n').slice(1);
  // sk RefCnt Type Proto Iface R Rmem User Inode
  return rows.filter((row) => row.trim().split(/\s+/)[4] === ifindex).length;
}
