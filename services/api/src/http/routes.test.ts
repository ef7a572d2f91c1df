// Every data route over real HTTP, fed through a real in-memory bus with the schemas' example events.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { exampleFor, topics } from '@netwatch/schemas';
import {
  alertListShape, alertShape, deviceListShape, deviceShape, errorShape, flowListShape, healthShape, sessionShape,
  siteShape, statsShape, topologyShape,
} from '../contract/shapes.js';
import { alertEvent, assetEvent, flowEvent, type Harness, startHarness } from '../testing/harness.js';

let h: Harness;

async function get(path: string): Promise<{ status: number; body: unknown; headers: Headers }> {
  const res = await fetch(h.base + path);
  const text = await res.text();
  const json = res.headers.get('content-type')?.startsWith('application/json') ? JSON.parse(text) as unknown : text;
  return { status: res.status, body: json, headers: res.headers };
}

before(async () => {
  h = await startHarness();
  // A laptop's flows: one long flow seen twice (interim, then final), DNS to the router, another host to an
  // IPv6 server. Settled one by one: partitions are consumed in parallel, and the test wants a known order.
  const events: Array<() => void> = [
    () => h.bus.publish(topics.enrichedFlow, flowEvent({ id: 'long', bytes: 1000, exportReason: 'active_timeout' })),
    () => h.bus.publish(topics.enrichedFlow, flowEvent({ id: 'long', bytes: 9000 })),
    () => h.bus.publish(topics.enrichedFlow, flowEvent({ id: 'dns1', dst: '192.168.10.1', dstPort: 53, protocol: 'dns',
      direction: 'internal', bytes: 200 })),
    () => h.bus.publish(topics.enrichedFlow, flowEvent({ id: 'other', src: '192.168.10.99', dst: '2001:db8::1', bytes: 80 })),
    () => h.bus.publish(topics.asset, assetEvent()),
    () => h.bus.publish(topics.enrichedAlert, alertEvent({ severity: 2, id: '01976371-583a-75ab-aee9-000000000002' })),
    () => h.bus.publish(topics.enrichedAlert, alertEvent({ severity: 4, id: '01976371-583a-75ab-aee9-000000000004' })),
    () => h.bus.publish(topics.alert, exampleFor('netwatch.alert.v1')), // not enriched: the API does not read it
    () => h.bus.publish(topics.sensorStats, exampleFor('netwatch.sensor.stats.v1')),
  ];
  for (const publish of events) {
    publish();
    await h.settle();
  }
});

after(async () => {
  await h.close();
});

describe('data routes', () => {
  it('GET /health and /auth/session answer without auth', async () => {
    const health = await get('/api/v1/health');
    assert.equal(health.status, 200);
    assert.equal(healthShape.parse(health.body).version, '0.1.0');
    const session = await get('/api/v1/auth/session');
    assert.deepEqual(sessionShape.parse(session.body), { authRequired: false, authenticated: true });
  });

  it('GET /flows lists each flow once with its latest counters, newest first', async () => {
    const { status, body } = await get('/api/v1/flows');
    assert.equal(status, 200);
    const flows = flowListShape.parse(body).flows;
    assert.deepEqual(flows.map((f) => `${f.id}:${f.bytes}:${f.final}`), ['other:80:true', 'dns1:200:true', 'long:9000:true']);
  });

  it('GET /flows filters by ip, port, protocol and country, and limits', async () => {
    const ids = async (query: string) => flowListShape.parse((await get(`/api/v1/flows?${query}`)).body).flows.map((f) => f.id);
    assert.deepEqual(await ids('ip=192.168.10.1'), ['dns1']);
    assert.deepEqual(await ids('ip=2001:DB8:0::1'), ['other'], 'IPv6 compared in canonical form');
    assert.deepEqual(await ids('port=53'), ['dns1']);
    assert.deepEqual(await ids('protocol=DNS'), ['dns1']);
    assert.deepEqual(await ids('protocol=tcp'), ['other', 'dns1', 'long']);
    assert.deepEqual(await ids('country=de'), ['other', 'dns1', 'long']);
    assert.deepEqual(await ids('country=NL'), []);
    assert.deepEqual(await ids('limit=1'), ['other']);
    assert.deepEqual(await ids('ip=192.168.10.23&port=443'), ['long']);
  });

  it('answers 400 naming the parameter for bad query values', async () => {
    for (const [query, name] of [
      ['limit=0', 'limit'], ['limit=1001', 'limit'], ['limit=ten', 'limit'], ['limit=1&limit=2', 'limit'],
      ['port=70000', 'port'], ['port=-1', 'port'], ['ip=999.1.1.1', 'ip'], ['country=DEU', 'country'],
      ['protocol=%20', 'protocol'],
    ]) {
      const { status, body } = await get(`/api/v1/flows?${query}`);
      assert.equal(status, 400, query);
      const error = errorShape.parse(body).error;
      assert.equal(error.code, 'invalid_query');
      assert.ok(error.message.startsWith(`${name}: `), `${query}: ${error.message}`);
    }
    const alerts = await get('/api/v1/alerts?severity=5');
    assert.equal(alerts.status, 400);
    assert.match(errorShape.parse(alerts.body).error.message, /^severity: /);
  });

  it('GET /devices lists devices from assets and flows, most recently seen first', async () => {
    const devices = deviceListShape.parse((await get('/api/v1/devices')).body).devices;
    assert.deepEqual(devices.map((d) => d.id).sort(), ['3c22fb123456', 'ip-192.168.10.1', 'ip-192.168.10.99']);
    const laptop = devices.find((d) => d.id === '3c22fb123456');
    assert.deepEqual([laptop?.hostname, laptop?.vendor, laptop?.os, laptop?.flows], ['alices-macbook', 'Apple, Inc.', 'macOS', 2]);
    for (let i = 1; i < devices.length; i++)
      assert.ok((devices[i - 1]?.lastSeen ?? '') >= (devices[i]?.lastSeen ?? ''), 'sorted by lastSeen');
  });

  it('GET /devices/:id and /devices/:id/flows; 404 for an unknown id', async () => {
    const device = await get('/api/v1/devices/3c22fb123456');
    assert.equal(deviceShape.parse(device.body).mac, '3C-22-FB-12-34-56');
    const flows = flowListShape.parse((await get('/api/v1/devices/3c22fb123456/flows?limit=5')).body).flows;
    assert.deepEqual(flows.map((f) => f.id), ['dns1', 'long']);
    const router = flowListShape.parse((await get('/api/v1/devices/ip-192.168.10.1/flows')).body).flows;
    assert.deepEqual(router.map((f) => f.id), ['dns1']);
    for (const path of ['/api/v1/devices/nope', '/api/v1/devices/nope/flows']) {
      const missing = await get(path);
      assert.equal(missing.status, 404);
      assert.equal(errorShape.parse(missing.body).error.code, 'not_found');
    }
  });

  it('GET /alerts with a least-severity filter, and POST /alerts/:id/ack', async () => {
    const all = alertListShape.parse((await get('/api/v1/alerts')).body).alerts;
    assert.deepEqual(all.map((a) => a.severity), [4, 2]);
    const severe = alertListShape.parse((await get('/api/v1/alerts?severity=3')).body).alerts;
    assert.deepEqual(severe.map((a) => a.severityName), ['critical']);
    const byName = alertListShape.parse((await get('/api/v1/alerts?severity=medium')).body).alerts;
    assert.equal(byName.length, 2);
    const id = '01976371-583a-75ab-aee9-000000000002';
    const ack = await fetch(`${h.base}/api/v1/alerts/${id}/ack`, { method: 'POST', headers: { 'content-type': 'application/json' } });
    assert.equal(ack.status, 200);
    assert.equal(alertShape.parse(await ack.json()).acknowledged, true);
    const again = alertListShape.parse((await get('/api/v1/alerts')).body).alerts;
    assert.equal(again.find((a) => a.id === id)?.acknowledged, true);
    const missing = await fetch(`${h.base}/api/v1/alerts/nope/ack`, { method: 'POST', headers: { 'content-type': 'application/json' } });
    assert.equal(missing.status, 404);
  });

  it('GET /stats, /site and /topology', async () => {
    const stats = statsShape.parse((await get('/api/v1/stats')).body);
    assert.deepEqual([stats.pps, stats.bps, stats.flows.active, stats.flows.total, stats.devices],
      [4821, 33_102_304, 412, 3, 3]);
    assert.deepEqual(stats.capture, { received: 48_210, dropped: 0, ifDropped: 0 });
    assert.deepEqual(stats.protocols.map((p) => p.name), ['tls', 'dns']);
    assert.equal(stats.history.length, 1);
    assert.deepEqual(siteShape.parse((await get('/api/v1/site')).body), { name: 'lab', lat: 52.52, lon: 13.405 });
    const topology = topologyShape.parse((await get('/api/v1/topology')).body);
    assert.deepEqual(topology.links.map((l) => `${l.source}>${l.target}:${l.bytes}`),
      ['3c22fb123456>ext-203.0.113.10:9000', '3c22fb123456>ip-192.168.10.1:200', 'ip-192.168.10.99>ext-2001:db8::1:80']);
  });

  it('answers JSON 404 for unknown API paths and leaves /healthz, /readyz, /metrics to the ops server', async () => {
    for (const path of ['/api/v1/nothing', '/api/v2/flows', '/api']) {
      const { status, body } = await get(path);
      assert.equal(status, 404, path);
      assert.equal(errorShape.parse(body).error.code, 'not_found');
    }
    for (const path of ['/healthz', '/readyz', '/metrics?x=1']) assert.equal((await get(path)).body, 'ops\n');
  });

  it('sets the security headers and no-store on API answers', async () => {
    const { headers } = await get('/api/v1/flows');
    assert.equal(headers.get('x-content-type-options'), 'nosniff');
    assert.equal(headers.get('referrer-policy'), 'no-referrer');
    assert.equal(headers.get('cache-control'), 'no-store');
    const csp = headers.get('content-security-policy') ?? '';
    for (const part of ['default-src \'self\'', 'connect-src \'self\'', 'img-src \'self\' data: blob:', 'worker-src \'self\' blob:'])
      assert.ok(csp.includes(part), part);
    assert.equal(headers.get('x-powered-by'), null);
  });
});
