// Alerts: the events' severity scale, newest first, redelivery ignored, acknowledgement by id, bounded.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_HOME_NET, HomeNet } from '@netwatch/packet/home-net';
import { exampleFor } from '@netwatch/schemas';
import { alertShape } from '../contract/shapes.js';
import { alertEvent } from '../testing/harness.js';
import { AlertStore } from './alert-store.js';
import { mapAlert } from './map-alert.js';

const homeNet = new HomeNet(DEFAULT_HOME_NET);

describe('mapAlert', () => {
  it('maps the enriched Suricata example on the events\' scale (3 = high)', () => {
    const alert = mapAlert(exampleFor('netwatch.alert.enriched.v1'), homeNet);
    alertShape.parse(alert);
    assert.equal(alert.id, '01976371-583a-75ab-aee9-511637436e24');
    assert.equal(alert.time, '2025-06-12T09:21:02.010Z');
    assert.deepEqual([alert.severity, alert.severityName], [3, 'high']);
    assert.equal(alert.title, 'ET USER_AGENTS Go HTTP Client User-Agent');
    assert.equal(alert.rule, '2024897');
    assert.deepEqual([alert.src?.internal, alert.dst?.internal, alert.dst?.geo?.country], [true, false, 'NL']);
    assert.equal(alert.acknowledged, false);
  });

  it('maps the netwatch port-scan example (inbound: the destination is ours)', () => {
    const alert = mapAlert(exampleFor('netwatch.alert.v1'), homeNet);
    assert.deepEqual([alert.severity, alert.severityName, alert.src?.internal, alert.dst?.internal],
      [2, 'medium', false, true]);
  });
});

describe('AlertStore', () => {
  it('filters by least severity, newest first', () => {
    const store = new AlertStore(10);
    for (const severity of [1, 4, 2, 3] as const) store.add(mapAlert(alertEvent({ severity, id: `0197637${severity}-0000-7000-8000-000000000000` }), homeNet));
    assert.deepEqual(store.newest(10, 3).map((a) => a.severity), [3, 4]);
    assert.deepEqual(store.newest(10).map((a) => a.severity), [3, 2, 4, 1]);
  });

  it('ignores a redelivered id and keeps its acknowledgement', () => {
    const store = new AlertStore(10);
    const event = alertEvent();
    assert.equal(store.add(mapAlert(event, homeNet)), true);
    assert.equal(store.acknowledge(event.event.id)?.acknowledged, true);
    assert.equal(store.add(mapAlert(event, homeNet)), false);
    assert.equal(store.get(event.event.id)?.acknowledged, true);
    assert.equal(store.acknowledge('no-such-id'), undefined);
  });

  it('forgets the oldest beyond capacity', () => {
    const store = new AlertStore(2);
    const events = [alertEvent(), alertEvent(), alertEvent()];
    for (const e of events) store.add(mapAlert(e, homeNet));
    assert.equal(store.size, 2);
    assert.equal(store.get(events[0]?.event.id as string), undefined);
    assert.equal(store.evicted, 1);
  });
});
