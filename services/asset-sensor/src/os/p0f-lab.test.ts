// Real handshakes of this machine's Linux kernel in two network namespaces, fingerprinted by p0f 3 and by netwatch.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Capture } from '@netwatch/packet/testing/lab/lab-capture';
import { NetnsLab } from '@netwatch/packet/testing/lab/netns-lab';
import { BUNDLED_P0F_DB, loadSignatureFile } from './signature-file.js';
import { compareOnCapture, type Comparison } from './testing/compare.js';
import { p0fAvailable } from './testing/p0f-tool.js';

const skip = process.getuid?.() !== 0 ? 'needs root: creates network namespaces and captures with tcpdump'
  : p0fAvailable() ? false : 'needs p0f (apt package p0f)';
const PORT = 8080;

/**
 * Client stack settings per run (sysctls of the client namespace only), so that one kernel shows several
 * fingerprints: the default, no TCP timestamps, no window scaling, an ECN-setup SYN, and a TTL of 100.
 */
const CLIENT_SETTINGS: readonly (readonly string[])[] = [
  [],
  ['net.ipv4.tcp_timestamps=0'],
  ['net.ipv4.tcp_timestamps=1', 'net.ipv4.tcp_window_scaling=0'],
  ['net.ipv4.tcp_window_scaling=1', 'net.ipv4.tcp_ecn=1'],
  ['net.ipv4.tcp_ecn=2', 'net.ipv4.ip_default_ttl=100', 'net.ipv6.conf.all.hop_limit=100'],
];

describe('netwatch fingerprints equal p0f 3 on real Linux handshakes (IPv4 and IPv6)', { skip }, () => {
  let dir = '';
  let lab: NetnsLab | undefined;
  let result: Comparison = { p0f: [], netwatch: [] };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'nw-p0f-lab-'));
    lab = await NetnsLab.create();
    writeFileSync(join(dir, 'index.html'), 'hello\n');
    const server = lab.background(lab.srv, 'http.server', 'python3',
      ['-m', 'http.server', String(PORT), '--bind', '::', '--directory', dir]);
    await lab.waitListening(lab.srv, 'tcp', PORT, server);
    const capture = await Capture.start(lab, lab.cli, join(dir, 'lab.pcap'));
    for (const settings of CLIENT_SETTINGS) {
      if (settings.length > 0) await lab.execOk(lab.cli, 'sysctl', ['-q', '-w', ...settings]);
      for (const url of [`http://${lab.srv.v4}:${PORT}/`, `http://[${lab.srv.v6}]:${PORT}/`]) {
        await lab.execOk(lab.cli, 'curl', ['-sS', '-o', '/dev/null', '--max-time', '5', url]);
      }
    }
    const stats = await capture.stop();
    assert.equal(stats.droppedByKernel, 0);
    result = compareOnCapture(capture.path, BUNDLED_P0F_DB, loadSignatureFile());
    // NW_P0F_SHOW=1 prints p0f's lines, to see which labels this kernel gets.
    if (process.env.NW_P0F_SHOW === '1') {
      for (const l of result.p0f) process.stderr.write(`${l.mod} ${l.os} dist=${l.dist} ${l.params} ${l.rawSig}\n`);
    }
  });

  after(async () => {
    await lab?.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('every connection gives one SYN and one SYN+ACK line in both', () => {
    const connections = CLIENT_SETTINGS.length * 2;
    assert.equal(result.p0f.filter((l) => l.mod === 'syn').length, connections);
    assert.equal(result.p0f.filter((l) => l.mod === 'syn+ack').length, connections);
    assert.equal(result.p0f.filter((l) => l.cli.includes(':')).length, connections);
    assert.deepEqual(result.netwatch.map((l) => [l.mod, l.cli, l.srv]), result.p0f.map((l) => [l.mod, l.cli, l.srv]));
  });

  it('OS label, distance, params and raw signature are equal on every line', () => {
    assert.deepEqual(result.netwatch, result.p0f);
  });

  it('the client settings give distinct fingerprints, and Linux is recognised over IPv4', () => {
    const synV4 = result.p0f.filter((l) => l.mod === 'syn' && !l.cli.includes(':'));
    assert.equal(new Set(synV4.map((l) => l.rawSig)).size, CLIENT_SETTINGS.length);
    assert.ok(synV4[0]?.os.startsWith('Linux'), `default IPv4 SYN: ${JSON.stringify(synV4[0])}`);
    assert.ok(synV4.at(-1)?.rawSig.startsWith('4:100+28:'), JSON.stringify(synV4.at(-1)));
  });
});
