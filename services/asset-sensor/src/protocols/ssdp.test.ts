// SSDP parser: NOTIFY, M-SEARCH and responses, header case and spacing, malformed start lines and headers.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { text } from '@netwatch/packet/decode/testing/frame-builder';
import { ssdpNotify, ssdpSearch } from '../testing/discovery-frames.js';
import { parseSsdp } from './ssdp.js';

const parse = (b: Uint8Array) => parseSsdp(b, 0, b.length);

describe('parseSsdp', () => {
  it('reads a NOTIFY announcement', () => {
    assert.deepEqual(parse(ssdpNotify()), { ok: true, value: {
      kind: 'notify', status: undefined, server: 'Linux/4.9 UPnP/1.0 Sonos/70.3-35220 (ZPS27)', userAgent: undefined,
      target: 'urn:schemas-upnp-org:device:MediaRenderer:1', subtype: 'ssdp:alive',
      usn: 'uuid:RINCON_48A6B8E2C0DE01400::urn:schemas-upnp-org:device:MediaRenderer:1',
      location: 'http://192.168.1.40:49152/description.xml',
    } });
  });

  it('reads an M-SEARCH and a response with lower-case names and LF-only lines', () => {
    const search = parse(ssdpSearch());
    assert.ok(search.ok);
    assert.equal(search.value.kind, 'search');
    assert.equal(search.value.target, 'ssdp:all');
    assert.equal(search.value.userAgent, 'Chromium/120.0 Linux UPnP/1.1');
    const response = parse(text('HTTP/1.1 200 OK\nst:upnp:rootdevice\nServer:  Linux UPnP/1.0 Hue/1.0 \n' +
      'location: http://192.168.1.9/description.xml\nusn: uuid:2f402f80::upnp:rootdevice\n'));
    assert.ok(response.ok);
    assert.equal(response.value.kind, 'response');
    assert.equal(response.value.status, 200);
    assert.equal(response.value.target, 'upnp:rootdevice');
    assert.equal(response.value.server, 'Linux UPnP/1.0 Hue/1.0');
    assert.equal(response.value.location, 'http://192.168.1.9/description.xml');
  });

  it('refuses malformed messages by name', () => {
    const cases: [string, string][] = [
      ['no_start_line', 'NOTIFY * HTTP/1.1'],
      ['bad_start_line', 'GET / HTTP/1.1\r\n\r\n'],
      ['bad_start_line', 'HTTP/1.1 2000 OK\r\n\r\n'],
      ['bad_header', 'NOTIFY * HTTP/1.1\r\nNo colon here\r\n\r\n'],
      ['bad_header', 'NOTIFY * HTTP/1.1\r\n: empty name\r\n\r\n'],
      ['too_many_headers', `NOTIFY * HTTP/1.1\r\n${'X: y\r\n'.repeat(70)}\r\n`],
    ];
    for (const [reason, t] of cases) assert.deepEqual(parse(text(t)), { ok: false, reason }, reason);
  });
});
