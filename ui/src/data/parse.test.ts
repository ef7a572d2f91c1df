import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseAlert, parseFlow, parseSession, parseSite, parseStats, parseTopology, parseWrapped } from './parse.js';
import { severityNameOf } from './severity.js';

const apiFlow = {
  id: 'f1', communityId: '1:abc', start: '2024-05-01T10:00:00.000Z', transport: 'tcp', protocol: 'tls',
  src: { ip: '10.0.0.5', port: 51000, internal: true },
  dst: {
    ip: '203.0.113.9', port: 443, internal: false, name: 'example.net',
    geo: { city: 'Tokyo', country: 'JP', lat: 35.6, lon: 139.7 }, as: { number: 64500, organization: 'Example' },
  },
  bytes: 1500, packets: 9, srcBytes: 500, dstBytes: 1000, final: true, futureField: { x: 1 },
};

test('a flow parses with unknown fields ignored', () => {
  const f = parseFlow(apiFlow);
  assert.ok(f);
  assert.equal(f.dst.geo?.country, 'JP');
  assert.equal(f.dst.as?.organization, 'Example');
  assert.equal('futureField' in f, false);
  assert.equal('end' in f, false, 'absent optional fields stay absent');
});

test('records missing their identity are dropped; bad optional values read as absent', () => {
  assert.equal(parseFlow({ ...apiFlow, id: 7 }), undefined);
  assert.equal(parseFlow({ ...apiFlow, src: { port: 1 } }), undefined);
  const f = parseFlow({ ...apiFlow, bytes: 'many', dst: { ...apiFlow.dst, geo: { lat: 200, lon: 0 } } });
  assert.equal(f?.bytes, 0);
  assert.equal(f?.dst.geo, undefined, 'an impossible latitude is no location');
  assert.deepEqual(parseWrapped({ flows: [apiFlow, null, 3] }, 'flows', parseFlow).length, 1);
  assert.deepEqual(parseWrapped('nope', 'flows', parseFlow), []);
});

test('alert severity follows the schemas scale: 4 is critical, the name wins over the number', () => {
  assert.equal(parseAlert({ id: 'a', severity: 4, title: 't' })?.severityName, 'critical');
  assert.equal(parseAlert({ id: 'a', severity: 1, title: 't' })?.severityName, 'low');
  const named = parseAlert({ id: 'a', severity: 1, severityName: 'High', title: 't' });
  assert.equal(named?.severityName, 'high');
  assert.equal(named?.severity, 3);
  assert.equal(severityNameOf(undefined, 9), 'low');
});

test('stats, site, session and topology parse tolerantly', () => {
  const s = parseStats({ pps: 10, bps: 8000, flows: { active: 2 }, protocols: [{ name: 'dns', bytes: 5 }, { bytes: 1 }] });
  assert.equal(s?.flows.total, 0);
  assert.deepEqual(s?.protocols, [{ name: 'dns', bytes: 5, flows: 0 }]);
  assert.deepEqual(parseSite({ name: 'lab', lat: 52.5 }), { name: 'lab' }, 'a latitude without longitude is no location');
  assert.deepEqual(parseSite({ name: 'lab', lat: 52.5, lon: 13.4 }), { name: 'lab', lat: 52.5, lon: 13.4 });
  const off = { authRequired: false, authenticated: false };
  assert.deepEqual(parseSession(off), off);
  assert.deepEqual(parseSession(null), { authRequired: true, authenticated: false });
  const t = parseTopology({ nodes: [{ id: 'n1', kind: 'device' }, { id: 'n2' }], links: [{ source: 'n1', target: 'n2', bytes: 3 }] });
  assert.deepEqual(t.nodes.map((n) => `${n.label}:${n.kind}`), ['n1:device', 'n2:external']);
  assert.equal(t.links[0]?.flows, 0);
});
