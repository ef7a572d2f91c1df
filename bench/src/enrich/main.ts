// Bench: GeoIP lookups/s (warm cache, no cache) beside the maxmind npm Reader.get on the same addresses, enriched flow
// events/s through the enrichment core, and the embedded data's load time and memory.
// Run: npx tsc -b services/enrich bench && node --expose-gc bench/dist/enrich/main.js [--addresses N] [--runs R]
import { readFileSync, statSync } from 'node:fs';
import { silentLogger } from '@netwatch/kit';
import { DEFAULT_HOME_NET, HomeNet } from '@netwatch/packet/home-net';
import {
  AddressBook,
  AsnTable,
  createEnricher,
  embeddedAsnPaths,
  embeddedCityPaths,
  GeoDatabases,
  openGeoDatabases,
} from '@netwatch/enrich';
import { Reader } from 'maxmind';
import { describeMachine } from '../capture/machine.js';
import { externalAddresses, flowEvents } from './workload.js';

const log = (line: string) => process.stderr.write(`[bench:enrich] ${line}\n`);
const gc = (globalThis as { gc?: () => void }).gc;
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;

function flag(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer`);
  return value;
}

/** Memory now, after a full GC when node runs with --expose-gc. */
function memory(): NodeJS.MemoryUsage {
  gc?.();
  return process.memoryUsage();
}

/** Best rate of `runs` passes of `pass` (which does `ops` operations and returns a checksum). */
function best(runs: number, ops: number, pass: () => number): { rate: number; check: number } {
  let fastest = Infinity;
  let check = 0;
  for (let r = 0; r < runs; r++) {
    const started = performance.now();
    check = pass();
    fastest = Math.min(fastest, (performance.now() - started) / 1000);
  }
  return { rate: ops / fastest, check };
}

async function main(): Promise<void> {
  const addressCount = flag('--addresses', 20_000);
  const runs = flag('--runs', 5);
  const lines = describeMachine().filter((l) => !l.startsWith('peers:')).map((l) => `- ${l}`);

  // Load cost of the embedded data: everything as the service opens it, then the ASN table alone.
  const m0 = memory();
  let t = performance.now();
  const geo = await openGeoDatabases({ embedded: true, watch: false, reloadDelayMs: 1000 }, silentLogger());
  const openMs = performance.now() - t;
  const m1 = memory();
  const paths = embeddedAsnPaths();
  const csv = [readFileSync(paths.v4), readFileSync(paths.v6)] as const;
  t = performance.now();
  const asn = AsnTable.fromCsv(csv[0], csv[1]);
  const asnMs = performance.now() - t;
  const citySize = [embeddedCityPaths().v4, embeddedCityPaths().v6].reduce((n, p) => n + statSync(p).size, 0);
  lines.push(`- all embedded data opened as the service does (DB-IP City Lite IPv4 + IPv6 files read into memory, ` +
    `ASN CSVs parsed) in ${openMs.toFixed(0)} ms: rss +${mb(m1.rss - m0.rss)}, array buffers ` +
    `+${mb(m1.arrayBuffers - m0.arrayBuffers)} (the .mmdb files are ${mb(citySize)}), heap +${mb(m1.heapUsed - m0.heapUsed)}` +
    `${gc ? '' : ' (run with --expose-gc for steadier figures)'}`,
  `- of which the ASN table (${asn.stats.v4Ranges} IPv4 + ${asn.stats.v6Ranges} IPv6 ranges, ${asn.stats.systems} ` +
  `systems): built in ${asnMs.toFixed(0)} ms from ${mb(csv[0].length + csv[1].length)} of CSV; typed arrays ` +
  `${mb(asn.stats.arrayBytes)} plus one frozen {number, organization} object per system on the heap`, '');

  const addresses = externalAddresses(addressCount, 0xe1c4);
  const homeNet = new HomeNet(DEFAULT_HOME_NET);
  const city = embeddedCityPaths();
  const peer = { v4: new Reader(readFileSync(city.v4)), v6: new Reader(readFileSync(city.v6)) };

  // Peer: maxmind's Reader.get on the city databases, no cache (what our cache misses pay, minus ASN and mapping).
  const peerPass = () => {
    let found = 0;
    for (const ip of addresses) if ((ip.includes(':') ? peer.v6 : peer.v4).get(ip) !== null) found++;
    return found;
  };
  const uncachedBook = new AddressBook(homeNet, geo, undefined, 0);
  const uncachedPass = () => {
    let found = 0;
    for (const ip of addresses) if (uncachedBook.info(ip).geo !== undefined) found++;
    return found;
  };
  const cityOnly = new AddressBook(homeNet, new GeoDatabases(geo.city, [], null, []), undefined, 0);
  const cityOnlyPass = () => {
    let found = 0;
    for (const ip of addresses) if (cityOnly.info(ip).geo !== undefined) found++;
    return found;
  };
  const warmBook = new AddressBook(homeNet, geo, undefined, 65_536);
  const rounds = 20;
  const warmPass = () => {
    let found = 0;
    for (let r = 0; r < rounds; r++) for (const ip of addresses) if (warmBook.info(ip).geo !== undefined) found++;
    return found;
  };
  peerPass();
  uncachedPass();
  cityOnlyPass();
  warmPass();
  const peerRate = best(runs, addresses.length, peerPass);
  const uncached = best(runs, addresses.length, uncachedPass);
  const cityOnlyRate = best(runs, addresses.length, cityOnlyPass);
  const warm = best(runs, addresses.length * rounds, warmPass);
  log(`found: peer ${peerRate.check}, uncached ${uncached.check}, warm ${warm.check / rounds} of ${addresses.length}`);

  const events = flowEvents(100_000, addresses, 0xf10e);
  const enricher = createEnricher({ addresses: new AddressBook(homeNet, geo, undefined, 65_536) });
  // In place, as the service runs it: each event given is the handler's own (the bus parsed it for it).
  const inPlace = createEnricher({ addresses: new AddressBook(homeNet, geo, undefined, 65_536), inPlace: true });
  const copies = Array.from({ length: runs + 1 }, () => flowEvents(100_000, addresses, 0xf10e));
  const coldStart = performance.now();
  let geoCount = 0;
  for (const e of events) if (enricher.flow(e).destination.geo !== undefined) geoCount++;
  const coldRate = events.length / ((performance.now() - coldStart) / 1000);
  const enrichRate = best(runs, events.length, () => {
    let n = 0;
    for (const e of events) if (enricher.flow(e).destination.geo !== undefined) n++;
    return n;
  });
  let copy = 0;
  const inPlaceRate = best(runs + 1, events.length, () => {
    let n = 0;
    for (const e of copies[copy++] ?? []) if (inPlace.flow(e).destination.geo !== undefined) n++;
    return n;
  });
  log(`flows with destination geo: ${geoCount} of ${events.length}`);

  const row = (name: string, rate: number, ratio: string) => `| ${name} | ${Math.round(rate).toLocaleString('en')} | ${ratio} |`;
  lines.push(`- ${addresses.length} distinct external addresses (90 % IPv4, seeded), of which ${peerRate.check} ` +
    `are in the city data; best of ${runs} runs`, '',
  '| GeoIP lookup | lookups/s | ratio |', '|---|---|---|',
  row('netwatch AddressBook.info, warm cache (65,536 entries)', warm.rate, `${(warm.rate / peerRate.rate).toFixed(1)}× peer`),
  row('netwatch AddressBook.info, no cache (city + ASN + ECS mapping)', uncached.rate,
    `${(uncached.rate / peerRate.rate).toFixed(2)}× peer`),
  row('netwatch AddressBook.info, no cache, city only (ASN off)', cityOnlyRate.rate,
    `${(cityOnlyRate.rate / peerRate.rate).toFixed(2)}× peer`),
  row('maxmind npm Reader.get (city only, no cache)', peerRate.rate, '1'), '',
  '| enrichment core | flow events/s | ratio |', '|---|---|---|',
  row('enricher.flow, warm cache, copying (100,000 pre-built flows)', enrichRate.rate,
    `${(enrichRate.rate / 200_000).toFixed(1)}× the 200 k target`),
  row('enricher.flow, warm cache, in place (as the service runs)', inPlaceRate.rate,
    `${(inPlaceRate.rate / 200_000).toFixed(1)}× the 200 k target`),
  row('enricher.flow, first pass (cache filling)', coldRate, `${(coldRate / 200_000).toFixed(1)}× the 200 k target`), '');
  process.stdout.write(`${lines.join('\n')}\n`);
  geo.close();
}

main().catch((error: unknown) => {
  log(`failed: ${(error as Error).stack ?? String(error)}`);
  process.exit(1);
});
