// The opt-in ARP sweep as the asset service runs it: off by default, validated config, and a real sweep on a veth.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { silentLogger } from '@netwatch/kit';
import { loadConfig } from '@netwatch/kit/config';
import { createDecodedPacket, createPacketView, decodePacket, formatAddress, type LiveCapture,
  openLiveCapture, openLiveCaptures } from '@netwatch/packet';
import { TestNetwork, type VethPair } from '@netwatch/packet/live/testing/network-namespace';
import { waitFor } from '@netwatch/packet/live/testing/packet-log';
import { z } from 'zod';
import { arpSweepFromEnv, assetEnvShape } from './asset-config.js';
import { startArpSweeps } from './arp-sweep-runner.js';

const envOf = (vars: Record<string, string>) => loadConfig(z.object(assetEnvShape), vars);

describe('ARP sweep settings', () => {
  it('are off unless prefixes are named, with a one-hour interval at 50 requests/s', () => {
    assert.deepEqual(arpSweepFromEnv(envOf({})), { prefixes: [], intervalSec: 3600, ratePerSecond: 50 });
    assert.deepEqual(arpSweepFromEnv(envOf({ NETWATCH_ASSET_ARP_SWEEP: '192.168.1.0/24',
      NETWATCH_ASSET_ARP_SWEEP_INTERVAL: '10m', NETWATCH_ASSET_ARP_SWEEP_RATE: '5',
      NETWATCH_ASSET_ARP_SWEEP_SOURCE: '192.168.1.2' })),
    { prefixes: ['192.168.1.0/24'], intervalSec: 600, ratePerSecond: 5, sourceIp: '192.168.1.2' });
  });

  it('name the variable and the problem for IPv6, oversize ranges and bad rates', () => {
    assert.throws(() => envOf({ NETWATCH_ASSET_ARP_SWEEP: 'fd00::/64' }),
      /NETWATCH_ASSET_ARP_SWEEP: .*an ARP sweep needs an IPv4 prefix/);
    assert.throws(() => envOf({ NETWATCH_ASSET_ARP_SWEEP: '10.0.0.0/8' }), /NETWATCH_ASSET_ARP_SWEEP: .*exceed 65536/);
    assert.throws(() => envOf({ NETWATCH_ASSET_ARP_SWEEP_RATE: '0' }), /NETWATCH_ASSET_ARP_SWEEP_RATE/);
  });
});

const skip = process.getuid?.() === 0 ? false : 'needs root: creates a namespace and sends ARP on its veth';

describe('startArpSweeps on a veth pair', { skip, timeout: 30_000 }, () => {
  let net: TestNetwork;
  let pair: VethPair;
  const captures: LiveCapture[] = [];

  before(() => {
    net = new TestNetwork();
    pair = net.addVethPair();
    net.inNamespace('ip', ['addr', 'add', '10.98.0.6/24', 'dev', pair.inside]);
  });

  after(() => {
    for (const c of captures) c.close();
    net.destroy();
  });

  it('does nothing when no prefix is set', () => {
    const group = openLiveCaptures([{ interface: pair.outside }]);
    try {
      assert.equal(startArpSweeps(group, { prefixes: [], intervalSec: 60, ratePerSecond: 10 }, silentLogger()),
        undefined);
    } finally {
      group.close();
    }
  });

  it('sweeps out of the capture interface, and the host there answers', async () => {
    const group = openLiveCaptures([{ interface: pair.outside, filter: 'arp' }]);
    const watcher = openLiveCapture({ interface: pair.outside, filter: 'arp[6:2] = 2' });
    captures.push(watcher);
    const replies: string[] = [];
    const view = createPacketView();
    const p = createDecodedPacket();
    watcher.start((batch) => {
      while (batch.next(view)) {
        decodePacket(view.data, view.offset, view.caplen, view.linktype, p);
        if (p.isArp) replies.push(formatAddress(view.data, p.arpSenderProtoOffset, 4));
      }
    });
    const running = startArpSweeps(group, { prefixes: ['10.98.0.4/30'], intervalSec: 60, ratePerSecond: 100,
      sourceIp: '10.98.0.1' }, silentLogger());
    try {
      assert.ok(running !== undefined);
      await waitFor(() => replies.length >= 1, 5000, () => `${replies.length} replies`);
      assert.deepEqual(replies, ['10.98.0.6']);
    } finally {
      running?.stop();
      group.close();
    }
  });
});
