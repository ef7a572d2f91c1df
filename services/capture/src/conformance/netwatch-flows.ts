// netwatch's side: `netwatch replay FILE --jsonl`, the flow records it printed, one final record per flow.
import { fileURLToPath } from 'node:url';
import { type FlowEvent, flowEvent } from '@netwatch/schemas';
import { type Conversation, endpoint, type Transport } from './conversation.js';
import { run } from '@netwatch/packet/testing/lab/process';

const bin = fileURLToPath(new URL('../../../cli/bin/netwatch.js', import.meta.url));
const FLOW_TOPIC = 'netwatch.flow.v1';
const TRANSPORTS: readonly string[] = ['tcp', 'udp', 'icmp', 'ipv6-icmp'] satisfies Transport[];

export interface NetwatchFlows {
  /** One per flow id: the record with the most packets, the last of equals (updates are cumulative). */
  readonly conversations: Conversation[];
  /** Every flow record as printed, in publish order. */
  readonly records: FlowEvent[];
  /** Flow records that did not parse against the schema, with zod's message. */
  readonly invalid: string[];
}

function total(event: FlowEvent): number {
  return (event.source.packets ?? 0) + (event.destination.packets ?? 0);
}

function toConversation(event: FlowEvent): Conversation {
  const transport = event.network.transport;
  if (!TRANSPORTS.includes(transport)) throw new Error(`flow with transport ${transport}`);
  const vlan = event.network.vlan?.id;
  return {
    transport: transport as Transport,
    a: endpoint(event.source.ip, event.source.port),
    b: endpoint(event.destination.ip, event.destination.port),
    aToB: { packets: event.source.packets ?? 0, bytes: event.source.bytes ?? 0 },
    bToA: { packets: event.destination.packets ?? 0, bytes: event.destination.bytes ?? 0 },
    origin: `netwatch flow ${event.netwatch.flow.id ?? '(no id)'}`,
    ...(event.network.community_id === undefined ? {} : { communityId: event.network.community_id }),
    ...(vlan === undefined ? {} : { vlanId: Number(vlan) }),
  };
}

/** Reduces JSONL replay output to the final record of every flow. */
export function parseReplay(jsonl: string): NetwatchFlows {
  const records: FlowEvent[] = [];
  const invalid: string[] = [];
  const final = new Map<string, FlowEvent>();
  for (const line of jsonl.split('\n')) {
    if (line === '') continue;
    const message = JSON.parse(line) as { topic: string; value: unknown };
    if (message.topic !== FLOW_TOPIC) continue;
    const parsed = flowEvent.safeParse(message.value);
    if (!parsed.success) {
      invalid.push(`${parsed.error.message}\n${line}`);
      continue;
    }
    const event = parsed.data;
    records.push(event);
    // A record without an id cannot be tied to its updates: it stands alone.
    const id = event.netwatch.flow.id ?? `record ${records.length}`;
    const before = final.get(id);
    if (before === undefined || total(event) >= total(before)) final.set(id, event);
  }
  return { conversations: [...final.values()].map(toConversation), records, invalid };
}

/**
 * Runs the whole netwatch pipeline over `path` and collects its flows. Flow settings are the
 * defaults unless `flowEnv` sets some (NETWATCH_FLOW_IDLE_TIMEOUT…): ones in this process's
 * environment are dropped, so a developer's shell cannot change what the comparison means.
 */
export async function netwatchFlows(path: string, flowEnv: Record<string, string> = {}): Promise<NetwatchFlows> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('NETWATCH_FLOW_')));
  const result = await run(process.execPath, [bin, 'replay', path, '--jsonl', '--quiet'],
    { timeoutMs: 60_000, env: { ...env, ...flowEnv } });
  if (result.code !== 0) throw new Error(`netwatch replay ${path}: exit ${result.code}\n${result.stderr}`);
  return parseReplay(result.stdout);
}
