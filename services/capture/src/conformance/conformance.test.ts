// netwatch's flows against tshark's conversations, on real traffic made and captured in network namespaces.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it, type TestContext } from 'node:test';
import { analyse, formatDifference, packetsCompared } from './analysis.js';
import type { Difference } from './compare.js';
import { type Conversation, sentBy, type Transport } from './conversation.js';
import { NetnsLab } from '@netwatch/packet/testing/lab/netns-lab';
import { type Recording, recordScenario } from './record-scenario.js';
import { type Scenario, scenario, scenarios } from './scenarios.js';
import { tableRowFor, tsharkConsistencyProblems } from './tshark-consistency.js';
import { tsharkFrameTimes } from './tshark-frames.js';

const skip = process.getuid?.() === 0 ? false : 'needs root: creates network namespaces and captures with tcpdump';

/** Differences README.md explains; each is asserted exactly by its own test below. */
function explained(scenarioName: string, d: Difference): boolean {
  return scenarioName === 'tcp-mid-stream' && d.kind === 'initiator';
}

function expectConversations(s: Scenario, conversations: Conversation[], where: string): void {
  for (const [transport, wanted] of Object.entries(s.expect) as [Transport, number][]) {
    const found = conversations.filter((c) => c.transport === transport).length;
    // ICMPv6 also carries neighbour discovery, MLD and router solicitations, which come and go.
    if (transport === 'ipv6-icmp') assert.ok(found >= wanted, `${found} ${transport} conversations, wanted ${wanted}+ ${where}`);
    else assert.equal(found, wanted, `${transport} conversations in tshark ${where}`);
  }
}

describe('netwatch flows equal tshark conversations on real traffic', { skip }, () => {
  let dir = '';
  let lab: NetnsLab | undefined;
  let failures = 0;
  const recordings = new Map<string, Promise<Recording>>();

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'netwatch-conformance-'));
    lab = await NetnsLab.create();
  });

  after(async () => {
    await lab?.destroy();
    if (failures === 0) rmSync(dir, { recursive: true, force: true });
    else process.stderr.write(`conformance: ${failures} test(s) failed; captures kept in ${dir}\n`);
  });

  function theLab(): NetnsLab {
    if (lab === undefined) throw new Error('the lab was not created');
    return lab;
  }

  /** Each scenario is recorded once, when a test first needs it, and the capture checked for loss. */
  function recording(name: string): Promise<Recording> {
    let pending = recordings.get(name);
    if (pending === undefined) {
      pending = recordScenario(theLab(), scenario(name), dir).then((rec) => {
        assert.equal(rec.stats.droppedByKernel, 0, `tcpdump dropped packets recording ${name}`);
        assert.equal(rec.stats.captured, rec.stats.receivedByFilter, `tcpdump lost packets recording ${name}`);
        return rec;
      });
      recordings.set(name, pending);
    }
    return pending;
  }

  function check(name: string, body: (t: TestContext) => Promise<void>): void {
    it(name, { timeout: 120_000 }, async (t) => {
      try {
        await body(t);
      } catch (error) {
        failures++;
        throw error;
      }
    });
  }

  for (const s of scenarios) {
    check(`${s.name}: every flow's packets and bytes per direction equal tshark's`, async (t) => {
      const rec = await recording(s.name);
      const where = `(capture kept: ${rec.path})`;
      const a = await analyse(rec.path);
      assert.deepEqual(tsharkConsistencyProblems(a.tables, a.frames), [], `tshark's tables vs its frames ${where}`);
      expectConversations(s, a.frames.conversations, where);
      assert.deepEqual(a.flows.invalid, [], `flow records that fail the schema ${where}`);
      const unexplained = a.comparison.differences.filter((d) => !explained(s.name, d)).map(formatDifference);
      assert.deepEqual(unexplained, [], `netwatch differs from tshark ${where}`);
      t.diagnostic(`${a.comparison.pairs.length} flows, ${packetsCompared(a.comparison)} packets compared`);
    });
  }

  check('mid-stream: tshark\'s A is whoever sent first (the server); netwatch\'s source stays the client', async () => {
    const rec = await recording('tcp-mid-stream');
    const a = await analyse(rec.path);
    const { cli, srv } = theLab();
    // Neighbour discovery or MLD may also be on the wire; only the TCP conversation is in question here.
    const [pair, ...more] = a.comparison.pairs.filter((p) => p.tshark.transport === 'tcp');
    assert.ok(pair !== undefined && more.length === 0, `one TCP conversation (capture kept: ${rec.path})`);
    assert.deepEqual(pair.tshark.a, { ip: srv.v4, port: 8080 });
    assert.equal(pair.netwatch.a.ip, cli.v4);
    assert.deepEqual(pair.netwatch.b, { ip: srv.v4, port: 8080 });
    // The only difference is the orientation: per-direction counts agree once mapped by address:port.
    assert.deepEqual(a.comparison.differences.map((d) => d.kind), ['initiator']);
  });

  check('fragments: tshark\'s tables count a datagram once, netwatch counts every fragment on the wire', async () => {
    const rec = await recording('fragments');
    const a = await analyse(rec.path);
    const where = `(capture kept: ${rec.path})`;
    const fragmented = [...a.frames.fragments];
    assert.deepEqual(fragmented.map(([c]) => c.transport).sort(), ['icmp', 'ipv6-icmp', 'udp'], where);
    for (const [c, extra] of fragmented) {
      const row = tableRowFor(a.tables, c);
      const pair = a.comparison.pairs.find((p) => p.tshark === c);
      assert.ok(row !== undefined && pair !== undefined, `${c.origin} in tshark's table and in netwatch ${where}`);
      for (const [from, tally, frags, tableFrames] of [
        [c.a, c.aToB, extra.aToB, row.aToB.frames],
        [c.b, c.bToA, extra.bToA, row.bToA.frames],
      ] as const) {
        assert.deepEqual(sentBy(pair.netwatch, from), tally, `${c.origin} sent by ${from.ip}: netwatch ${where}`);
        assert.equal(tableFrames, tally.packets - frags.packets, `${c.origin} sent by ${from.ip}: tshark table ${where}`);
      }
      assert.ok(extra.aToB.packets > 0, `${c.origin}: fragments sent by A ${where}`);
    }
  });

  check('idle timeout: at 100 ms netwatch splits the echo conversation at every longer gap; tshark never does', async () => {
    const rec = await recording('ping-v4');
    const a = await analyse(rec.path, { NETWATCH_FLOW_IDLE_TIMEOUT: '100ms' });
    const where = `(capture kept: ${rec.path})`;
    const times = await tsharkFrameTimes(rec.path, 'icmp');
    const gaps = times.filter((time, i) => i > 0 && time - (times[i - 1] as number) > 0.1).length;
    const [echo, ...others] = a.frames.conversations.filter((c) => c.transport === 'icmp');
    assert.ok(echo !== undefined && others.length === 0, `one echo conversation in tshark ${where}`);
    const flows = a.flows.conversations.filter((c) => c.transport === 'icmp');
    assert.ok(gaps >= 5, `ping sends every 200 ms: ${gaps} gaps ${where}`);
    assert.equal(flows.length, gaps + 1, `netwatch flows for ${times.length} echo packets ${where}`);
    for (const side of [echo.a, echo.b]) {
      const sum = flows.reduce((s, f) => {
        const sent = sentBy(f, side);
        return { packets: s.packets + (sent?.packets ?? 0), bytes: s.bytes + (sent?.bytes ?? 0) };
      }, { packets: 0, bytes: 0 });
      assert.deepEqual(sum, sentBy(echo, side), `${side.ip} sent, summed over netwatch's flows ${where}`);
    }
    assert.ok(flows.every((f) => f.communityId === echo.communityId), `one Community ID ${where}`);
    // The table's clock is the latest packet of any flow, and replay checks timeouts once more after
    // the last packet: the last echo flow times out too when any later frame (ARP, neighbour
    // discovery, a router solicitation) arrives 100 ms or more after it.
    const lastEcho = times.at(-1) as number;
    const allTimes = await tsharkFrameTimes(rec.path, 'frame');
    const lastTimesOut = allTimes.some((t) => t - lastEcho >= 0.1);
    const reasons = a.flows.records.filter((r) => r.network.transport === 'icmp').map((r) => r.netwatch.flow.export_reason);
    const expected = [...Array<string>(gaps).fill('idle_timeout'), lastTimesOut ? 'idle_timeout' : 'end'];
    assert.deepEqual(reasons.sort(), expected.sort(), where);
  });

  check('eviction: with room for 16 flows the scan\'s flows are evicted, and every count still equals tshark', async () => {
    const rec = await recording('nmap-syn-scan');
    const a = await analyse(rec.path, { NETWATCH_FLOW_MAX: '16' });
    const where = `(capture kept: ${rec.path})`;
    assert.deepEqual(a.comparison.differences.map(formatDifference), [], where);
    const reasons = a.flows.records.map((r) => r.netwatch.flow.export_reason);
    assert.equal(reasons.filter((r) => r === 'end').length, 16, `flows still held at the end ${where}`);
    assert.equal(reasons.filter((r) => r === 'evicted').length, a.flows.conversations.length - 16, where);
  });
});
