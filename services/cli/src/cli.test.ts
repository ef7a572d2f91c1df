// The netwatch binary as a user runs it: help, exit codes, replay --jsonl, start serving ops endpoints.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { generateDemoCapture } from './pipeline/demo-capture.js';

const bin = fileURLToPath(new URL('../bin/netwatch.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'netwatch-cli-'));

function netwatch(...args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('netwatch command line', () => {
  it('--help lists every command and exits 0', () => {
    const { code, stdout } = netwatch('--help');
    assert.equal(code, 0);
    for (const command of ['start', 'replay FILE [--jsonl]', 'service NAME'])
      assert.ok(stdout.includes(command), command);
    assert.equal(netwatch('help', 'replay').code, 0);
    assert.match(netwatch('replay', '--help').stdout, /--jsonl/);
    assert.match(netwatch('start', '--help').stdout, /--pcap FILE/);
  });

  it('exits 2 with a clear message on bad usage', () => {
    for (const args of [
      [],
      ['frobnicate'],
      ['replay'],
      ['replay', 'a', 'b'],
      ['replay', '--bogus', 'x'],
      ['start', '--port', 'http'],
      ['start', '--pcap', 'x.pcap', '--interface', 'eth0'],
      ['start', '--filter', 'tcp'],
    ]) {
      const { code, stderr } = netwatch(...args);
      assert.equal(code, 2, `netwatch ${args.join(' ')}`);
      if (args.length > 0) assert.match(stderr, /^netwatch/, `message for ${args.join(' ')}`);
    }
    assert.match(netwatch('service', 'nonesuch').stderr, /unknown service "nonesuch"/);
  });

  it('start: a bad environment value is exit 2 naming the variable', () => {
    const result = spawnSync(process.execPath, [bin, 'start', '--once', '--port', '0'], {
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, NETWATCH_LOG_LEVEL: 'loud' },
    });
    assert.equal(result.status, 2, result.stderr);
    assert.match(result.stderr, /NETWATCH_LOG_LEVEL: /);
  });

  it('start --interface: an unknown interface or a bad filter is exit 2 naming what is wrong', () => {
    const noSuch = netwatch('start', '--interface', 'nosuch9', '--port', '0');
    assert.equal(noSuch.code, 2, noSuch.stderr);
    assert.match(noSuch.stderr, /nosuch9: no such network interface/);
    const badFilter = netwatch('start', '--interface', 'lo', '--filter', 'tcp port seventy', '--port', '0');
    assert.equal(badFilter.code, process.getuid?.() === 0 ? 2 : 1, badFilter.stderr);
    if (process.getuid?.() === 0) assert.match(badFilter.stderr, /NETWATCH_CAPTURE_FILTER: .*tcp port seventy/);
  });

  it('replay: a missing, unreadable or non-capture file is exit 2 naming the path', () => {
    const notCapture = join(dir, 'notes.txt');
    writeFileSync(notCapture, 'hello, this is not a capture file\n');
    for (const [path, why] of [
      [join(dir, 'missing.pcap'), /no such file/],
      [dir, /is a directory/],
      [notCapture, /not a pcap or pcapng file/],
    ] as const) {
      const { code, stderr, stdout } = netwatch('replay', path, '--jsonl');
      assert.equal(code, 2, path);
      assert.ok(stderr.includes(path), `the message names ${path}`);
      assert.match(stderr, why);
      assert.equal(stdout, '', 'nothing on stdout');
    }
  });

  it('replay --jsonl reads the whole file and prints valid JSONL (every line a topic/key/value object)', () => {
    const path = join(dir, 'demo.pcap');
    const capture = generateDemoCapture({ seconds: 5 });
    writeFileSync(path, capture);
    const { code, stdout, stderr } = netwatch('replay', path, '--jsonl');
    assert.equal(code, 0, stderr);
    const lines = stdout.split('\n').filter((l) => l.length > 0);
    for (const line of lines) {
      const parsed = JSON.parse(line) as Record<string, unknown>;
      assert.deepEqual(Object.keys(parsed), ['topic', 'key', 'value']);
    }
    const packets = Number(/: ([\d,]+) packets/.exec(stderr)?.[1]?.replaceAll(',', ''));
    assert.ok(packets > 50, `the summary counts the packets (${packets})`);
    assert.match(stderr, /messages published: \d+/);
    assert.equal(netwatch('replay', path, '--quiet').stderr, '', '--quiet prints nothing');
  });

  it('start --pcap --once plays the capture, serves the API, /healthz and /metrics, and exits 0', async () => {
    const path = join(dir, 'short.pcap');
    writeFileSync(path, generateDemoCapture({ seconds: 3 }));
    const child = spawn(process.execPath, [bin, 'start', '--pcap', path, '--once', '--port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NETWATCH_LOG_LEVEL: 'warn' },
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    const exited = new Promise<number | null>((resolve) =>
      child.on('exit', (code) => resolve(code)),
    );
    const deadline = Date.now() + 20_000;
    const opened = /netwatch: open (http:\/\/[^/\s]+)\//;
    while (!opened.test(stderr) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    const url = opened.exec(stderr)?.[1];
    assert.ok(url, `start prints its URL (stderr: ${stderr})`);
    assert.match(stderr, /on loopback only, no login/);
    assert.equal((await fetch(`${url}/healthz`)).status, 200);
    // The API shares the port; on loopback without a password hash it needs no login.
    const session = await (await fetch(`${url}/api/v1/auth/session`)).json() as { authRequired: boolean };
    assert.equal(session.authRequired, false);
    const metrics = await (await fetch(`${url}/metrics`)).text();
    assert.match(metrics, /netwatch_capture_packets_total/);
    assert.equal(await exited, 0, stderr);
  });
});
