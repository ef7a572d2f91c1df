// The feed tells clients which device ids are gone: an "ip-" device folded into its MAC device once an asset event
// names the address, so a browser never keeps both; a client that was skipped meanwhile still learns it.
import assert from 'node:assert/strict';
import type { ServerResponse } from 'node:http';
import { describe, it } from 'node:test';
import { waitFor } from '@netwatch/kit/testing/wait';
import { topics } from '@netwatch/schemas';
import { feedDevicesShape } from '../contract/shapes.js';
import { ApiState } from '../state/api-state.js';
import { assetEvent, flowEvent, startHarness } from '../testing/harness.js';
import { connectSse } from '../testing/sse-client.js';
import { FeedHub } from './feed-hub.js';

const LAPTOP_IP = '192.168.10.23'; // the flow example's source, and the asset example's address
const LAPTOP_ID = '3c22fb123456';

describe('live feed: devices folded away', { timeout: 30_000 }, () => {
  it('sends the MAC device with removed: ["ip-…"] over real HTTP', async () => {
    const h = await startHarness({ feed: { intervalMs: 50 } });
    try {
      const client = await connectSse(`${h.base}/api/v1/feed`);
      await waitFor(() => h.api.feed.clientCount === 1, 2000, 'the client to register');
      const devicesMessages = () =>
        client.messages.filter((m) => m.event === 'devices').map((m) => feedDevicesShape.parse(JSON.parse(m.data)));
      h.bus.publish(topics.enrichedFlow, flowEvent({ id: 'f1' }));
      await h.settle();
      await waitFor(() => devicesMessages().some((m) => m.devices.some((d) => d.id === `ip-${LAPTOP_IP}`)), 3000,
        'the address-only device');
      assert.ok(devicesMessages().every((m) => m.removed === undefined), 'nothing removed yet');
      h.bus.publish(topics.asset, assetEvent());
      await h.settle();
      await waitFor(() => devicesMessages().some((m) => m.removed !== undefined), 3000, 'a removal');
      const last = devicesMessages().find((m) => m.removed !== undefined);
      assert.deepEqual(last?.removed, [`ip-${LAPTOP_IP}`]);
      assert.deepEqual(last?.devices.map((d) => d.id), [LAPTOP_ID], 'the MAC device comes in the same message');
      assert.equal(last?.devices[0]?.flows, 1, 'with the folded device\'s flow count');
      client.close();
    } finally {
      await h.close();
    }
  });

  it('tells a client that was skipped while the fold happened, and never lists an id as both', () => {
    const state = new ApiState();
    const hub = new FeedHub(state, undefined);
    state.listen(hub);
    const written: string[] = [];
    const res = {
      writableNeedDrain: false, destroyed: false, writableLength: 0,
      write(chunk: string) {
        written.push(chunk);
        return true;
      },
      on() {
        return this;
      },
      end() {},
    };
    hub.add(res as unknown as ServerResponse);
    const devicesOf = (chunk: string | undefined) => {
      const data = /event: devices\ndata: (.*)\n/.exec(chunk ?? '')?.[1];
      return data === undefined ? undefined : feedDevicesShape.parse(JSON.parse(data));
    };
    try {
      state.addFlow(flowEvent({ id: 'f1' }));
      hub.tick();
      assert.deepEqual(devicesOf(written.pop())?.devices.map((d) => d.id), [`ip-${LAPTOP_IP}`]);

      res.writableNeedDrain = true; // the client's socket is full: this interval is skipped for it
      state.addAsset(assetEvent());
      hub.tick();
      assert.equal(written.length, 0, 'nothing written to a full socket');

      res.writableNeedDrain = false;
      hub.tick();
      const caughtUp = devicesOf(written.pop());
      assert.deepEqual(caughtUp?.removed, [`ip-${LAPTOP_IP}`]);
      assert.deepEqual(caughtUp?.devices.map((d) => d.id), [LAPTOP_ID]);

      // An address released by its MAC device and seen in a flow again is an "ip-" device again: changed, not removed.
      const moved = assetEvent({ ip: '192.168.10.77', changeFrom: LAPTOP_IP });
      const change = moved.netwatch.asset.change;
      if (change !== undefined) change.new = '192.168.10.77';
      state.addAsset(moved);
      assert.deepEqual(state.devices.get(LAPTOP_ID)?.ips, ['192.168.10.77']);
      state.addFlow(flowEvent({ id: 'f2' }));
      hub.tick();
      const again = devicesOf(written.pop());
      assert.ok(again?.devices.some((d) => d.id === `ip-${LAPTOP_IP}`), JSON.stringify(again));
      assert.equal(again?.removed, undefined);
    } finally {
      hub.close();
    }
  });
});
