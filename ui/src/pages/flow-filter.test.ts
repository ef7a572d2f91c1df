import assert from 'node:assert/strict';
import { test } from 'node:test';
import { endpoint, flow, TOKYO } from '../testing/fixtures.js';
import { filterQuery, matchesFlow, parseFlowFilter } from './flow-filter.js';

test('the filter reads the api query names and reports bad values by field', () => {
  const ok = parseFlowFilter(new URLSearchParams('ip=10.0.0.5&port=443&protocol=TLS&country=jp'));
  assert.deepEqual(ok, { filter: { ip: '10.0.0.5', port: 443, protocol: 'tls', country: 'JP' }, errors: {} });
  const bad = parseFlowFilter(new URLSearchParams('ip=<script>&port=70000&country=Japan'));
  assert.deepEqual(Object.keys(bad.errors).sort(), ['country', 'ip', 'port']);
  assert.deepEqual(bad.filter, {});
  assert.equal(filterQuery(ok.filter), '?ip=10.0.0.5&port=443&protocol=tls&country=JP');
  assert.equal(filterQuery({}), '');
});

test('live flows match on either endpoint; protocol on the L7 name or the transport', () => {
  const f = flow('10.0.0.5', '203.0.113.9', {
    protocol: 'tls', src: endpoint('10.0.0.5', { port: 51000 }), dst: endpoint('203.0.113.9', { port: 443, geo: TOKYO }),
  });
  assert.equal(matchesFlow(f, { ip: '203.0.113.9', port: 443 }), true);
  assert.equal(matchesFlow(f, { port: 51000, country: 'JP' }), true);
  assert.equal(matchesFlow(f, { protocol: 'tcp' }), true);
  assert.equal(matchesFlow(f, { protocol: 'dns' }), false);
  assert.equal(matchesFlow(f, { country: 'DE' }), false);
  assert.equal(matchesFlow(f, { ip: '10.0.0.6' }), false);
});

test('a country without coordinates still matches, as in the api', () => {
  const f = flow('10.0.0.5', '198.51.100.7', { dst: { ...endpoint('198.51.100.7', { port: 443 }), country: 'br' } });
  assert.equal(matchesFlow(f, { country: 'BR' }), true);
  assert.equal(matchesFlow(f, { country: 'JP' }), false);
});
