// netwatch.alert.enriched.v1 event → the API's Alert, on the events' own severity scale (1 low … 4 critical).
import type { HomeNet } from '@netwatch/packet/home-net';
import type { AlertEvent } from '@netwatch/schemas';
import type { Alert } from '../contract/shapes.js';
import { isInternalSide, mapEndpoint } from './map-endpoint.js';
import { isoUtc } from './map-flow.js';

export function mapAlert(event: AlertEvent, homeNet: HomeNet): Alert {
  const details = event.netwatch.alert;
  const direction = event.network?.direction;
  const alert: Alert = {
    id: event.event.id,
    time: isoUtc(event['@timestamp']),
    severity: details.severity,
    severityName: details.severity_name,
    title: event.rule.name,
    rule: event.rule.id,
    acknowledged: false,
  };
  if (event.source !== undefined)
    alert.src = mapEndpoint(event.source, isInternalSide('source', event.source.ip, direction, homeNet));
  if (event.destination !== undefined) {
    const internal = isInternalSide('destination', event.destination.ip, direction, homeNet);
    alert.dst = mapEndpoint(event.destination, internal);
  }
  return alert;
}
