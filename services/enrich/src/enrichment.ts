// Enrichment on a bus: consume the sensor topics (groups `enrich-*`), publish the enriched topics. Used by the service and `start`.
import { randomUUID } from 'node:crypto';
import type { Bus, Logger, Metrics, Subscription } from '@netwatch/kit';
import { describeError } from '@netwatch/kit/errors';
import { HomeNet } from '@netwatch/packet/home-net';
import { type TopicSpec, topics } from '@netwatch/schemas';
import type { z } from 'zod';
import { AddressBook } from './address-book.js';
import type { EnrichConfig } from './enrich-config.js';
import { registerEnrichMetrics } from './enrich-metrics.js';
import { createEnricher, type Enricher } from './enricher.js';
import { type GeoDatabaseInfo, type GeoDatabases, openGeoDatabases } from './geo/geo-databases.js';
import { DeviceNames } from './names/device-names.js';
import { DnsNames } from './names/dns-names.js';
import { siteGeo } from './site.js';

export interface EnrichmentOptions {
  /**
   * GeoIP databases opened by the caller (shared between instances, e.g. in tests), or null for
   * none; they are not closed by `stop()`. When absent, they are opened from `config.geo`.
   */
  readonly geo?: GeoDatabases | null;
  /**
   * Consumer group prefix (default `enrich`). Each sensor topic gets its own group, `<prefix>-flow`,
   * `-dns`, `-tls`, `-alert`, shared by all instances (they split the partitions); asset events go to
   * `<prefix>-devices-<random>`, one group per instance, so every instance learns every device name.
   */
  readonly group?: string;
  /** Clock for `event.ingested`, milliseconds since the epoch (default Date.now; replay may pass capture time). */
  readonly now?: () => number;
}

export interface RunningEnrichment {
  readonly enricher: Enricher;
  /** The GeoIP databases in use. */
  readonly databases: readonly GeoDatabaseInfo[];
  /** Leaves the consumer groups (committing), stops watching database files. */
  stop(): Promise<void>;
}

/** Whatever enrichment throws is logged at most this often; the event goes out unenriched and is counted. */
const ERROR_LOG_INTERVAL_MS = 60_000;

/**
 * Subscribes to the flow, DNS, TLS, alert and asset topics and publishes each flow, DNS, TLS and
 * alert event on its enriched topic (asset events only teach device names). Opening the embedded
 * data takes 0.3–0.7 s and ~185 MB (the two DB-IP files are read into memory); a configured file
 * that cannot be used throws a NetwatchError naming its variable. `metrics`, when given, gets the enrich metrics registered.
 */
export async function startEnrichment(bus: Bus, config: EnrichConfig, logger: Logger, metrics?: Metrics,
  options: EnrichmentOptions = {}): Promise<RunningEnrichment> {
  const ownGeo = options.geo === undefined;
  const geo = options.geo === undefined ? await openGeoDatabases(config.geo, logger) : options.geo;
  const addresses = new AddressBook(new HomeNet(config.homeNet), geo, siteGeo(config.site), config.cacheSize);
  const devices = new DeviceNames(config.maxDeviceNames);
  const dnsNames = new DnsNames(config.maxDnsNames);
  // In place: the bus hands each handler an event parsed for it alone (see createEnricher's inPlace).
  const enricher = createEnricher({ addresses, devices, dnsNames, inPlace: true,
    ...(options.now === undefined ? {} : { now: options.now }) });
  const errors = { value: 0 };
  if (metrics !== undefined) registerEnrichMetrics(metrics, { enricher, addresses, devices, dnsNames, geo, errors });

  let lastErrorLog = -Infinity;
  const republish = <S extends z.ZodType>(out: TopicSpec<S>, enrich: (event: z.infer<S>) => z.infer<S>) =>
    (event: z.infer<S>) => {
      let result = event;
      try {
        result = enrich(event);
      } catch (error) {
        errors.value++;
        if (Date.now() - lastErrorLog >= ERROR_LOG_INTERVAL_MS) {
          lastErrorLog = Date.now();
          logger.warn({ err: describeError(error), topic: out.name, errors: errors.value },
            'enrichment failed; event published unenriched');
        }
      }
      bus.publish(out, result);
    };

  // One group per topic: Kafka groups are meant for identical members, and kafkajs' round-robin
  // assigner hands out only the leader's topics, so members of one group on different topics starve
  // (tulios/kafkajs#1679, #1040; found by enrichment.kafka.test.ts).
  const prefix = options.group ?? 'enrich';
  const devicesGroup = `${prefix}-devices-${randomUUID().slice(0, 8)}`;
  const subscriptions: Subscription[] = [];
  try {
    subscriptions.push(await bus.subscribe(topics.asset, devicesGroup, (event) => enricher.learnAsset(event)));
    subscriptions.push(await bus.subscribe(topics.flow, `${prefix}-flow`, republish(topics.enrichedFlow, enricher.flow)));
    subscriptions.push(await bus.subscribe(topics.dns, `${prefix}-dns`, republish(topics.enrichedDns, enricher.dns)));
    subscriptions.push(await bus.subscribe(topics.tls, `${prefix}-tls`, republish(topics.enrichedTls, enricher.tls)));
    subscriptions.push(await bus.subscribe(topics.alert, `${prefix}-alert`,
      republish(topics.enrichedAlert, enricher.alert)));
  } catch (error) {
    await Promise.allSettled(subscriptions.map((s) => s.close()));
    if (ownGeo) geo?.close();
    throw error;
  }
  const databases = geo?.describe() ?? [];
  logger.info({ databases, homeNet: config.homeNet, cacheSize: config.cacheSize }, 'enrichment started');

  return {
    enricher,
    databases,
    async stop() {
      const closed = await Promise.allSettled(subscriptions.map((s) => s.close()));
      addresses.close();
      if (ownGeo) geo?.close();
      const failed = closed.find((c) => c.status === 'rejected');
      if (failed) throw failed.reason;
    },
  };
}
