// netwatch.enriched.flow.v1 event → the API's Flow (one small object per record, made once at ingestion).
import type { HomeNet } from '@netwatch/packet/home-net';
import type { FlowEvent } from '@netwatch/schemas';
import type { Flow } from '../contract/shapes.js';
import { isInternalSide, mapEndpoint } from './map-endpoint.js';

/**
 * The flow id is netwatch.flow.id, shared by the interim (active timeout) records of a long flow and
 * its final one; a producer that sets none gets the event id, so each record stands alone.
 * Counters in a record are cumulative (docs/architecture.md, "Records"), so the latest record wins.
 */
export function mapFlow(event: FlowEvent, homeNet: HomeNet): Flow {
  const direction = event.network.direction;
  const srcInternal = isInternalSide('source', event.source.ip, direction, homeNet);
  const dstInternal = isInternalSide('destination', event.destination.ip, direction, homeNet);
  const srcBytes = event.source.bytes;
  const dstBytes = event.destination.bytes;
  const flow: Flow = {
    id: event.netwatch.flow.id ?? event.event.id,
    start: isoUtc(event.event.start),
    end: isoUtc(event.event.end),
    transport: event.network.transport,
    direction,
    src: mapEndpoint(event.source, srcInternal),
    dst: mapEndpoint(event.destination, dstInternal),
    bytes: event.network.bytes ?? srcBytes + dstBytes,
    packets: event.network.packets ?? event.source.packets + event.destination.packets,
    srcBytes,
    dstBytes,
    final: event.netwatch.flow.export_reason !== 'active_timeout',
  };
  if (event.network.community_id !== undefined) flow.communityId = event.network.community_id;
  if (event.network.protocol !== undefined) flow.protocol = event.network.protocol;
  return flow;
}

/** Event times may carry an offset (RFC 3339); the API writes every time in UTC with `Z`. */
export function isoUtc(text: string): string {
  if (text.endsWith('Z')) return text;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? text : new Date(ms).toISOString();
}
