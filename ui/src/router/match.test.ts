import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matchPath } from './match.js';

test('patterns match whole paths and decode parameters', () => {
  assert.deepEqual(matchPath('/', '/'), {});
  assert.deepEqual(matchPath('/devices', '/devices/'), {});
  assert.deepEqual(matchPath('/devices/:id', '/devices/ip-192.0.2.1'), { id: 'ip-192.0.2.1' });
  assert.deepEqual(matchPath('/devices/:id', '/devices/ip-2001%3Adb8%3A%3A1'), { id: 'ip-2001:db8::1' });
  assert.equal(matchPath('/devices/:id', '/devices'), undefined);
  assert.equal(matchPath('/devices', '/devicesx'), undefined);
  assert.equal(matchPath('/devices/:id', '/devices/%E0%A4%A'), undefined, 'a malformed escape is no match');
});
