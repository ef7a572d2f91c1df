// netwatch's TLS events against tshark 4.0 (and openssl x509 for certificates) on real handshakes made in namespaces.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { NetnsLab } from '@netwatch/packet/testing/lab/netns-lab';
import { runOk } from '@netwatch/packet/testing/lab/process';
import type { TlsEvent } from '@netwatch/schemas';
import { rfc3339FromOpensslTime } from '../certificate/leaf-certificate.js';
import { compareHandshake, type FieldDifference, type OpensslLeaf } from './compare-tls.js';
import { netwatchTls, type NetwatchTls } from './netwatch-tls.js';
import { clients, PORTS, recordTlsTraffic, type TlsRecording } from './tls-traffic.js';
import { connectionKey, endpointText, type TsharkHandshake, tsharkTls } from './tshark-tls.js';

const skip = process.getuid?.() === 0 ? false : 'needs root: creates network namespaces and captures with tcpdump';

async function opensslLeaf(hex: string, dir: string): Promise<OpensslLeaf> {
  const der = join(dir, 'leaf.der');
  writeFileSync(der, Buffer.from(hex, 'hex'));
  const result = await runOk('openssl', ['x509', '-inform', 'DER', '-in', der, '-noout', '-subject', '-issuer',
    '-startdate', '-enddate', '-nameopt', 'RFC2253,-esc_msb'], { timeoutMs: 10_000 });
  const line = (prefix: string) => result.stdout.split('\n').find((l) => l.startsWith(prefix))?.slice(prefix.length) ?? '';
  return {
    subject: line('subject='),
    issuer: line('issuer='),
    notBefore: rfc3339FromOpensslTime(line('notBefore=')) ?? '',
    notAfter: rfc3339FromOpensslTime(line('notAfter=')) ?? '',
  };
}

describe('netwatch TLS events equal tshark on real handshakes', { skip }, () => {
  let dir = '';
  let lab: NetnsLab | undefined;
  let recording: TlsRecording;
  let ours: NetwatchTls;
  let theirs: Map<string, TsharkHandshake>;
  let failed = false;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'netwatch-tls-conformance-'));
    lab = await NetnsLab.create();
    recording = await recordTlsTraffic(lab, dir);
    [ours, theirs] = await Promise.all([netwatchTls(recording.path), tsharkTls(recording.path, Object.values(PORTS))]);
  });

  after(async () => {
    await lab?.destroy();
    if (!failed) rmSync(dir, { recursive: true, force: true });
    else process.stderr.write(`tls conformance: failed; capture kept in ${dir}\n`);
  });

  const eventKey = (e: TlsEvent) => connectionKey(endpointText(e.source.ip, String(e.source.port)),
    endpointText(e.destination.ip, String(e.destination.port)));
  const byClient = () => new Map(ours.events.map((e) => [eventKey(e), e]));

  it('captured everything and every client completed its handshake', () => {
    assert.equal(recording.stats.droppedByKernel, 0);
    assert.equal(recording.stats.captured, recording.stats.receivedByFilter);
    const expectedClients = clients(lab as NetnsLab, dir).length;
    assert.equal(theirs.size, expectedClients, `tshark saw ${String(theirs.size)} handshakes`);
    assert.equal(ours.events.length, expectedClients, `netwatch published ${String(ours.events.length)} events`);
    for (const h of theirs.values()) {
      assert.equal(h.serverHellos > 0, true, `${h.client}: no ServerHello`);
      // The comparison below is only as good as tshark's answers: each connection must have them.
      assert.match(h.ja3 ?? '', /^[0-9a-f]{32}$/, `${h.client}: tshark gave no JA3`);
      assert.match(h.ja3s ?? '', /^[0-9a-f]{32}$/, `${h.client}: tshark gave no JA3S`);
    }
    // TLS ≤ 1.2 sends the certificate in clear: 1.0, 1.1 and six full 1.2 handshakes (the resumed one has none).
    assert.equal([...theirs.values()].filter((h) => h.leafHex !== undefined).length, 8);
    // The curve comparison must not be vacuous: TLS 1.3 key shares and 1.2 ECDHE ServerKeyExchanges.
    const groups = [...theirs.values()].map((h) => [h.version, h.group] as const).filter(([, g]) => g !== undefined);
    assert.ok(groups.some(([v]) => v === '0x0304') && groups.some(([v]) => v === '0x0303'), JSON.stringify(groups));
  });

  it('agrees with tshark field by field on every connection', async () => {
    const events = byClient();
    const differences: FieldDifference[] = [];
    for (const [client, shark] of theirs) {
      const event = events.get(client);
      if (event === undefined) {
        differences.push({ connection: client, field: 'event', netwatch: undefined, reference: 'handshake' });
        continue;
      }
      const leaf = shark.leafHex === undefined ? undefined : await opensslLeaf(shark.leafHex, dir);
      differences.push(...compareHandshake(event, shark, leaf));
    }
    if (differences.length > 0) failed = true;
    assert.deepEqual(differences, []);
  });

  it('covers what it claims: versions 1.0–1.3, no SNI, IPv6, a multi-segment hello, HRR, resumption', () => {
    const events = ours.events;
    const versions = new Set(events.map((e) => e.tls.version));
    assert.deepEqual([...versions].sort(), ['1.0', '1.1', '1.2', '1.3']);
    assert.equal(events.filter((e) => e.tls.client.server_name === undefined).length >= 1, true);
    assert.equal(events.filter((e) => e.network.type === 'ipv6').length, 1);
    const hrr = events.filter((e) => e.netwatch.tls.hello_retry_request === true);
    assert.equal(hrr.length, 1);
    assert.equal(hrr[0]?.netwatch.tls.retry_group, 23);
    assert.deepEqual(hrr[0]?.netwatch.tls.client_hello.key_share_groups, [23]);
    const hrrShark = theirs.get(eventKey(hrr[0] as TlsEvent));
    assert.equal(hrrShark?.clientHellos, 2);
    assert.equal(hrrShark?.serverHellos, 2);
    const big = events.find((e) => (e.tls.client.server_name ?? '').length > 200);
    assert.ok(big !== undefined && big.netwatch.tls.ja3_string !== undefined);
    assert.equal(events.filter((e) => e.tls.resumed === true).length, 1);
    assert.equal(ours.stats.helloRetryRequests, 1);
    assert.equal(ours.stats.clientOnly, 0);
  });
});
