// Asset sensor settings: defaults, and the NETWATCH_ASSET_* variables that override them (exit 2 on a bad value).
import { duration, int, list } from '@netwatch/kit/config';
import { cidrList, DEFAULT_HOME_NET } from '@netwatch/packet/home-net';
import { sweepTargets } from '@netwatch/packet/live/arp-sweep';
import { z } from 'zod';
import type { ArpSweepSettings } from './arp-sweep-runner.js';

export interface AssetConfig {
  /** ECS observer.hostname of every event. */
  readonly observer: string;
  /** Most devices held; a new one beyond it evicts the least recently seen (counted). */
  readonly maxDevices: number;
  /**
   * Least time between two "learned something new" events of one device: what arrives sooner is
   * merged into the next one. First sightings and changes (IP, hostname, OS) go out at once.
   */
  readonly minEventIntervalSec: number;
  /** Two MACs claiming one IPv4 address within this time is an address conflict. */
  readonly conflictWindowSec: number;
  /** Devices known only by IP (routed, p0f) are kept only inside these prefixes. */
  readonly homeNet: readonly string[];
  /** A p0f.fp to load instead of the bundled p0f 3.09b database. */
  readonly p0fDbPath?: string;
}

export const defaultAssetConfig: AssetConfig = {
  observer: 'netwatch',
  maxDevices: 100_000,
  minEventIntervalSec: 300,
  conflictWindowSec: 300,
  homeNet: DEFAULT_HOME_NET,
};

/** Environment variables of the asset sensor (the capture variables come from the shared sensor service). */
export const assetEnvShape = {
  NETWATCH_ASSET_MAX_DEVICES: int(1, 10_000_000).default(defaultAssetConfig.maxDevices),
  NETWATCH_ASSET_MIN_EVENT_INTERVAL: duration().default(defaultAssetConfig.minEventIntervalSec * 1000),
  NETWATCH_ASSET_CONFLICT_WINDOW: duration().default(defaultAssetConfig.conflictWindowSec * 1000),
  NETWATCH_HOME_NET: cidrList().default([...DEFAULT_HOME_NET]),
  /** Another p0f.fp (p0f 3 format) for OS fingerprints; unset: the bundled one. */
  NETWATCH_ASSET_P0F_DB: z.string().trim().min(1).optional(),
  /** IPv4 prefixes to sweep with ARP requests (live service only); empty: passive, the default. */
  NETWATCH_ASSET_ARP_SWEEP: list().superRefine((prefixes, ctx) => {
    try {
      sweepTargets(prefixes);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: (error as Error).message });
    }
  }).default([]),
  NETWATCH_ASSET_ARP_SWEEP_INTERVAL: duration().default(3_600_000),
  NETWATCH_ASSET_ARP_SWEEP_RATE: int(1, 10_000).default(50),
  /** Sender IPv4 of the sweep's requests; unset: the capture interface's first IPv4 address. */
  NETWATCH_ASSET_ARP_SWEEP_SOURCE: z.ipv4().optional(),
};

export type AssetEnv = z.infer<z.ZodObject<typeof assetEnvShape>>;

/** The settings an environment asks for; durations arrive in milliseconds. */
export function assetConfigFromEnv(env: AssetEnv, observer: string): AssetConfig {
  return {
    observer,
    maxDevices: env.NETWATCH_ASSET_MAX_DEVICES,
    minEventIntervalSec: env.NETWATCH_ASSET_MIN_EVENT_INTERVAL / 1000,
    conflictWindowSec: env.NETWATCH_ASSET_CONFLICT_WINDOW / 1000,
    homeNet: env.NETWATCH_HOME_NET,
    ...(env.NETWATCH_ASSET_P0F_DB === undefined ? {} : { p0fDbPath: env.NETWATCH_ASSET_P0F_DB }),
  };
}

/** The sweep the environment asks for (off unless NETWATCH_ASSET_ARP_SWEEP names prefixes). */
export function arpSweepFromEnv(env: AssetEnv): ArpSweepSettings {
  return {
    prefixes: env.NETWATCH_ASSET_ARP_SWEEP,
    intervalSec: env.NETWATCH_ASSET_ARP_SWEEP_INTERVAL / 1000,
    ratePerSecond: env.NETWATCH_ASSET_ARP_SWEEP_RATE,
    ...(env.NETWATCH_ASSET_ARP_SWEEP_SOURCE === undefined ? {} : { sourceIp: env.NETWATCH_ASSET_ARP_SWEEP_SOURCE }),
  };
}
