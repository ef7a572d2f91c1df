// Flow events to the contract's Flow: fields, which side is internal, interim records, ids and UTC times.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_HOME_NET, HomeNet } from '@netwatch/packet/home-net';
import { exampleFor } from '@netwatch/schemas';
import { flowShape } from '../contract/shapes.js';
import { isoUtc, mapFlow } from './map-flow.js';

const homeNet = new HomeNet(DEFAULT_HOME_NET);

describe('mapFlow', () => {
  it('maps the enriched flow example field by field and fits the contract exactly', () => {
    const flow = mapFlow(exampleFor('netwatch.enriched.flow.v1'), homeNet);
    flowShape.parse(flow);
    assert.deepEqual(flow, {
      id: '0197636b-0412-7092-ae09-a7b03f3b3eb3',
      communityId: '1:MRvjqd9icQp0yPki4QKueemF3/Y=',
      start: '2025-06-12T09:13:58.112Z',
      end: '2025-06-12T09:14:07.250Z',
      transport: 'tcp',
      protocol: 'tls',
      direction: 'outbound',
      src: { ip: '192.168.10.23', port: 51544, mac: '3C-22-FB-12-34-56', internal: true },
      dst: {
        ip: '203.0.113.10',
        port: 443,
        internal: false,
        country: 'DE',
        geo: { city: 'Frankfurt am Main', country: 'DE', countryName: 'Germany', lat: 50.1109, lon: 8.6821 },
        as: { number: 64500, organization: 'Example Hosting GmbH' },
      },
      bytes: 51_087,
      packets: 60,
      srcBytes: 2_874,
      dstBytes: 48_213,
      final: true,
    });
  });

  it('takes the sensor flow id when present, so interim and final records share it', () => {
    const event = exampleFor('netwatch.flow.v1');
    event.netwatch.flow.id = 'cap1-42';
    event.netwatch.flow.export_reason = 'active_timeout';
    const flow = mapFlow(event, homeNet);
    assert.equal(flow.id, 'cap1-42');
    assert.equal(flow.final, false);
  });

  it('decides internal from network.direction, and from HOME_NET only when the direction is unknown', () => {
    const event = exampleFor('netwatch.flow.v1');
    event.network.direction = 'inbound';
    let flow = mapFlow(event, homeNet);
    assert.deepEqual([flow.src.internal, flow.dst.internal], [false, true]);
    event.network.direction = 'internal';
    flow = mapFlow(event, homeNet);
    assert.deepEqual([flow.src.internal, flow.dst.internal], [true, true]);
    event.network.direction = 'unknown';
    flow = mapFlow(event, homeNet);
    assert.deepEqual([flow.src.internal, flow.dst.internal], [true, false]);
    flow = mapFlow(event, new HomeNet(['203.0.113.0/24']));
    assert.deepEqual([flow.src.internal, flow.dst.internal], [false, true]);
  });

  it('leaves geo out without a location, since the globe needs one, but keeps the country', () => {
    const event = exampleFor('netwatch.enriched.flow.v1');
    delete event.destination.geo?.location;
    const flow = mapFlow(event, homeNet);
    flowShape.parse(flow);
    assert.equal(flow.dst.geo, undefined);
    assert.equal(flow.dst.country, 'DE');
    assert.equal(flow.src.country, undefined);
  });

  it('writes times in UTC with Z', () => {
    assert.equal(isoUtc('2025-06-12T11:14:07.250+02:00'), '2025-06-12T09:14:07.250Z');
    assert.equal(isoUtc('2025-06-12T09:14:07Z'), '2025-06-12T09:14:07Z');
  });
});
