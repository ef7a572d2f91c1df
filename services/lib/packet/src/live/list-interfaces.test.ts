// listInterfaces: pcap_findalldevs as plain objects; loopback always, and a veth of our own when root.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { libpcapVersion, listInterfaces } from './list-interfaces.js';
import { TestNetwork } from './testing/network-namespace.js';

describe('listInterfaces', () => {
  it('lists loopback with its flags and addresses', () => {
    const lo = listInterfaces().find((i) => i.name === 'lo');
    assert.ok(lo, 'lo is listed');
    assert.equal(lo.loopback, true);
    assert.equal(lo.up, true);
    assert.ok(lo.addresses.some((a) => a.family === 'ipv4' && a.address === '127.0.0.1' && a.netmask === '255.0.0.0'));
  });

  it('lists a veth pair end we create, up, without addresses', { skip: process.getuid?.() !== 0 && 'needs root to create a veth pair' }, () => {
    const net = new TestNetwork();
    try {
      const pair = net.addVethPair();
      const found = listInterfaces().find((i) => i.name === pair.outside);
      assert.ok(found, `${pair.outside} is listed`);
      assert.deepEqual(
        { loopback: found.loopback, up: found.up, addresses: found.addresses },
        { loopback: false, up: true, addresses: [] },
      );
      assert.equal(listInterfaces().some((i) => i.name === pair.inside), false, 'the namespaced end is not ours to see');
    } finally {
      net.destroy();
    }
  });

  it('reports the libpcap version', () => {
    assert.match(libpcapVersion(), /^libpcap version \d+\.\d+/);
  });
});
