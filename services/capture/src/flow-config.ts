// Flow table settings: defaults, and the environment variables that override them (validated, exit 2 on a bad value).
import { duration, int } from '@netwatch/kit/config';
import { type z } from 'zod';
import { DEFAULT_HOME_NET, homeNetEnvShape } from '@netwatch/packet/home-net';

export interface FlowConfig {
  /** ECS observer.hostname of every record. */
  readonly observer: string;
  /** Most flows held at once; a new flow beyond it evicts the least recently seen (counted). */
  readonly maxFlows: number;
  /** A flow with no packet for this long ends (export_reason idle_timeout). */
  readonly idleTimeoutSec: number;
  /** A flow still open this long after its last export is exported again (cumulative counters). */
  readonly activeTimeoutSec: number;
  /**
   * After FIN both ways or a RST, wait this long for stragglers (the last ACK, retransmitted
   * FINs) before the final record: like Zeek's tcp_close_delay / softflowd's tcp.fin timeout.
   */
  readonly closedTimeoutSec: number;
  /** The monitored networks, CIDR text; network.direction is relative to them. */
  readonly homeNet: readonly string[];
  /** Community ID seed (0 unless every tool in the deployment uses another). */
  readonly communityIdSeed: number;
  /** Seconds of capture time between netwatch.sensor.stats.v1 records (0: none). */
  readonly statsIntervalSec: number;
}

export { DEFAULT_HOME_NET };

export const defaultFlowConfig: FlowConfig = {
  observer: 'netwatch',
  maxFlows: 500_000,
  idleTimeoutSec: 60,
  activeTimeoutSec: 60,
  closedTimeoutSec: 5,
  homeNet: DEFAULT_HOME_NET,
  communityIdSeed: 0,
  statsIntervalSec: 10,
};

/** Environment variables of the flow table (shared by `netwatch start`, `replay` and the capture service). */
export const flowEnvShape = {
  NETWATCH_FLOW_MAX: int(1, 20_000_000).default(defaultFlowConfig.maxFlows),
  NETWATCH_FLOW_IDLE_TIMEOUT: duration().default(defaultFlowConfig.idleTimeoutSec * 1000),
  NETWATCH_FLOW_ACTIVE_TIMEOUT: duration().default(defaultFlowConfig.activeTimeoutSec * 1000),
  NETWATCH_FLOW_CLOSED_TIMEOUT: duration().default(defaultFlowConfig.closedTimeoutSec * 1000),
  ...homeNetEnvShape,
  NETWATCH_STATS_INTERVAL: duration().default(defaultFlowConfig.statsIntervalSec * 1000),
};

export type FlowEnv = z.infer<z.ZodObject<typeof flowEnvShape>>;

/** The flow settings an environment asks for; durations arrive in milliseconds. */
export function flowConfigFromEnv(env: FlowEnv, observer: string): FlowConfig {
  return {
    observer,
    maxFlows: env.NETWATCH_FLOW_MAX,
    idleTimeoutSec: env.NETWATCH_FLOW_IDLE_TIMEOUT / 1000,
    activeTimeoutSec: env.NETWATCH_FLOW_ACTIVE_TIMEOUT / 1000,
    closedTimeoutSec: env.NETWATCH_FLOW_CLOSED_TIMEOUT / 1000,
    homeNet: env.NETWATCH_HOME_NET,
    communityIdSeed: env.NETWATCH_COMMUNITY_ID_SEED,
    statsIntervalSec: env.NETWATCH_STATS_INTERVAL / 1000,
  };
}
