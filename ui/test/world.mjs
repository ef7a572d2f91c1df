// Test traffic for the browser test: enriched flows to located servers around the world, devices and alerts,
// built from the schemas package's examples (the same events the pipeline publishes) via the api's test harness.
import { exampleFor, topics, uuidv7 } from '@netwatch/schemas';
import { alertEvent, assetEvent, flowEvent } from '@netwatch/api/testing/harness';

export const PLACES = [
  ['Tokyo', 'JP', 'Japan', 35.68, 139.69], ['Sydney', 'AU', 'Australia', -33.87, 151.21],
  ['São Paulo', 'BR', 'Brazil', -23.55, -46.63], ['New York', 'US', 'United States', 40.71, -74.01],
  ['San Francisco', 'US', 'United States', 37.77, -122.42], ['Johannesburg', 'ZA', 'South Africa', -26.2, 28.05],
  ['Mumbai', 'IN', 'India', 19.08, 72.88], ['Singapore', 'SG', 'Singapore', 1.35, 103.82],
  ['Dublin', 'IE', 'Ireland', 53.35, -6.26], ['Stockholm', 'SE', 'Sweden', 59.33, 18.07],
  ['Toronto', 'CA', 'Canada', 43.65, -79.38], ['Seoul', 'KR', 'South Korea', 37.57, 126.98],
];
const PROTOCOLS = ['tls', 'tls', 'http', 'quic', 'ssh', 'dns', 'ntp'];

/** A finished flow from a laptop to the i-th remote server (203.0.113.i, documentation range, never contacted). */
export function worldFlow(i, bytes) {
  const [city, cc, country, lat, lon] = PLACES[i % PLACES.length];
  const event = flowEvent({
    id: `f-${uuidv7()}`, src: `192.168.10.${20 + (i % 5)}`, dst: `203.0.113.${1 + (i % 200)}`, bytes,
    protocol: PROTOCOLS[i % PROTOCOLS.length], direction: 'outbound', end: new Date().toISOString(),
  });
  event.destination.geo = { city_name: city, country_iso_code: cc, country_name: country, location: { lat, lon } };
  event.destination.as = { number: 64500 + (i % 7), organization: { name: `Example Net ${i % 7}` } };
  return event;
}

export function device(i) {
  const event = assetEvent({
    mac: `3C-22-FB-10-00-${(16 + i).toString(16).padStart(2, '0').toUpperCase()}`, ip: `192.168.10.${20 + i}`,
    hostname: ['laptop', 'printer', 'nas', 'phone', 'tv'][i % 5],
  });
  return event;
}

/** An alert from a located external source (198.51.100.i) at the given severity (1 low … 4 critical). */
export function worldAlert(i, severity) {
  const event = alertEvent({ severity });
  const [city, cc, country, lat, lon] = PLACES[(i * 5) % PLACES.length];
  event.source.ip = `198.51.100.${1 + i}`;
  event.source.geo = { city_name: city, country_iso_code: cc, country_name: country, location: { lat, lon } };
  return event;
}

export function publishWorld(bus, count) {
  for (let i = 0; i < count; i++) bus.publish(topics.enrichedFlow, worldFlow(i, 2000 * (i + 1) ** 2));
  for (let i = 0; i < 5; i++) bus.publish(topics.asset, device(i));
  for (let i = 0; i < 4; i++) bus.publish(topics.enrichedAlert, worldAlert(i, 4 - i));
  bus.publish(topics.sensorStats, exampleFor('netwatch.sensor.stats.v1'));
}

export { topics };
