// The live feed over real HTTP: bounded messages however many flows arrive, a dropped count, slow clients skipped.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { waitFor } from '@netwatch/kit/testing/wait';
import { exampleFor, topics } from '@netwatch/schemas';
import { alertListShape, feedDevicesShape, feedFlowsShape, liveStatsShape } from '../contract/shapes.js';
import { alertEvent, flowEvent, startHarness } from '../testing/harness.js';
import { connectSse } from '../testing/sse-client.js';

function gauge(metrics: string, name: string): number {
  const match = new RegExp(`^${name}(?:\\{[^}]*\\})? (\\d+)`, 'm').exec(metrics);
  return Number(match?.[1] ?? NaN);
}

describe('live feed', { timeout: 60_000 }, () => {
  it('turns 10,000 flows into a few bounded messages with a dropped count, plus alerts, devices and stats', async (t) => {
    const h = await startHarness();
    try {
      const client = await connectSse(`${h.base}/api/v1/feed`);
      assert.equal(client.response.statusCode, 200);
      assert.match(client.response.headers['content-type'] ?? '', /^text\/event-stream/);
      await waitFor(() => h.api.feed.clientCount === 1, 2000, 'the client to register');
      assert.equal(gauge(await h.registry.metrics(), 'netwatch_api_feed_clients'), 1);
      const started = Date.now();
      const total = 10_000;
      for (let i = 0; i < total; i++) {
        h.bus.publish(topics.enrichedFlow, flowEvent({ id: `f${i}`, src: `10.1.${i >> 8}.${i & 255}` }));
      }
      h.bus.publish(topics.enrichedAlert, alertEvent());
      h.bus.publish(topics.sensorStats, exampleFor('netwatch.sensor.stats.v1'));
      await h.settle();
      const flowMessages = () => client.messages.filter((m) => m.event === 'flows').map((m) => feedFlowsShape.parse(JSON.parse(m.data)));
      await waitFor(() => flowMessages().reduce((n, m) => n + m.flows.length + m.dropped, 0) >= total, 10_000,
        'every flow to be sent or counted as dropped');
      const elapsed = Date.now() - started;
      const messages = flowMessages();
      const sent = messages.reduce((n, m) => n + m.flows.length, 0);
      const dropped = messages.reduce((n, m) => n + m.dropped, 0);
      assert.equal(sent + dropped, total, 'each flow is either sent or counted');
      assert.ok(dropped > 0, 'the burst exceeded 200 per push');
      for (const m of messages) assert.ok(m.flows.length <= 200, 'the contract bounds a push at 200 flows');
      // At most one flows message per 500 ms interval (plus one for a partly covered interval).
      assert.ok(messages.length <= Math.ceil(elapsed / 500) + 1, `${messages.length} messages in ${elapsed} ms`);
      t.diagnostic(`${total} flows in ${elapsed} ms: ${messages.length} flows messages, ${sent} sent, ${dropped} dropped`);
      const ids = new Set(messages.flatMap((m) => m.flows.map((f) => f.id)));
      assert.ok(ids.has(`f${total - 1}`), 'the newest flow arrived');
      assert.equal(ids.size, sent, 'no flow twice');

      await waitFor(() => ['alerts', 'devices', 'stats'].every((e) => client.messages.some((m) => m.event === e)), 3000,
        'alerts, devices and stats events');
      for (const m of client.messages) {
        const data = JSON.parse(m.data) as unknown;
        if (m.event === 'alerts') assert.equal(alertListShape.parse(data).alerts.length, 1);
        if (m.event === 'devices') assert.ok(feedDevicesShape.parse(data).devices.length <= 100);
        if (m.event === 'stats') liveStatsShape.parse(data);
      }
      const statsTimes = client.messages.filter((m) => m.event === 'stats').map((m) => m.at);
      for (let i = 1; i < statsTimes.length; i++)
        assert.ok((statsTimes[i] as number) - (statsTimes[i - 1] as number) >= 900, 'stats at most once a second');

      client.close();
      await waitFor(() => h.api.feed.clientCount === 0, 2000, 'the client to be removed');
      assert.equal(gauge(await h.registry.metrics(), 'netwatch_api_feed_clients'), 0);
    } finally {
      await h.close();
    }
  });

  it('sends keepalive comments and ends every stream when the API closes', async () => {
    const h = await startHarness({ feed: { keepaliveMs: 100, intervalMs: 50 } });
    const client = await connectSse(`${h.base}/api/v1/feed`);
    await waitFor(() => client.comments.includes('keepalive'), 2000, 'a keepalive comment');
    await h.api.close();
    await client.ended;
    assert.equal(h.api.feed.clientCount, 0);
    await h.close();
  });

  it('skips a client that does not read, counts what it missed, and never buffers without bound', async (t) => {
    const h = await startHarness({ feed: { intervalMs: 20, maxSkips: 1_000_000 } });
    try {
      const slow = await connectSse(`${h.base}/api/v1/feed`);
      await waitFor(() => h.api.feed.clientCount === 1, 2000, 'the client to register');
      slow.response.pause();
      let i = 0;
      let maxBuffered = 0;
      const deadline = Date.now() + 20_000;
      while (h.api.feed.counters.skipped < 10 && Date.now() < deadline) {
        for (let k = 0; k < 300; k++, i++)
          h.bus.publish(topics.enrichedFlow, flowEvent({ id: `s${i}`, src: `10.2.${(i >> 8) & 255}.${i & 255}` }));
        await h.settle();
        await new Promise((resolve) => setTimeout(resolve, 25));
        maxBuffered = Math.max(maxBuffered, h.api.feed.bufferedBytes);
      }
      assert.ok(h.api.feed.counters.skipped >= 10, `skipped ${h.api.feed.counters.skipped} times`);
      t.diagnostic(`${i} flows published, ${h.api.feed.counters.skipped} skips, at most ${maxBuffered} bytes buffered`);
      // One message of 200 flows is ~150 KB; the server holds at most about one beyond the socket's own buffer.
      assert.ok(maxBuffered < 2 * 1024 * 1024, `server buffered ${maxBuffered} bytes`);
      const missedBefore = h.api.feed.counters.flowsDropped;
      slow.response.resume();
      await waitFor(() => h.api.feed.counters.flowsDropped > missedBefore, 10_000, 'the missed flows to be reported');
      assert.match(await h.registry.metrics(), /netwatch_api_feed_skipped_total\{event="flows"\} [1-9]/);
      slow.close();
    } finally {
      await h.close();
    }
  });

  it('disconnects a client that stays full for maxSkips intervals', async () => {
    const h = await startHarness({ feed: { intervalMs: 20, maxSkips: 3 } });
    try {
      const slow = await connectSse(`${h.base}/api/v1/feed`);
      slow.response.pause();
      let i = 0;
      const deadline = Date.now() + 20_000;
      while (h.api.feed.clientCount > 0 && Date.now() < deadline) {
        for (let k = 0; k < 300; k++, i++) h.bus.publish(topics.enrichedFlow, flowEvent({ id: `d${i}` }));
        await h.settle();
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      assert.equal(h.api.feed.clientCount, 0);
      // A paused socket does not read, so it learns of the close only once it reads again.
      slow.response.resume();
      await slow.ended;
    } finally {
      await h.close();
    }
  });
});
