// The data routes: thin handlers over the in-memory state, with validated query parameters.
import { canonicalIp } from '@netwatch/schemas';
import express, { type Request, type Response, type Router } from 'express';
import type { Flow, Site } from '../contract/shapes.js';
import type { ApiState } from '../state/api-state.js';
import { buildTopology } from '../state/topology.js';
import { ApiError } from './api-error.js';
import { alertQuery, flowQuery, limitQuery, parseQuery, topologyQuery } from './query.js';
import { named } from './route-name.js';

export interface FlowFilter {
  readonly ip?: string;
  readonly port?: number;
  readonly protocol?: string;
  readonly country?: string;
}

/** Whether a flow passes every given filter; each matches either side (ip, port, country) or either protocol field. */
export function flowMatches(flow: Flow, filter: FlowFilter): boolean {
  if (filter.ip !== undefined && flow.src.ip !== filter.ip && flow.dst.ip !== filter.ip) return false;
  if (filter.port !== undefined && flow.src.port !== filter.port && flow.dst.port !== filter.port) return false;
  if (filter.protocol !== undefined && flow.protocol !== filter.protocol && flow.transport !== filter.protocol)
    return false;
  const country = filter.country;
  if (country !== undefined && flow.src.country !== country && flow.dst.country !== country) return false;
  return true;
}

export function dataRoutes(state: ApiState, site: Site): Router {
  const router = express.Router();

  router.get('/stats', named('stats'), (_req: Request, res: Response) => {
    res.json(state.stats());
  });

  router.get('/site', named('site'), (_req: Request, res: Response) => {
    res.json(site);
  });

  router.get('/devices', named('devices'), (_req: Request, res: Response) => {
    res.json({ devices: state.devices.list() });
  });

  router.get('/devices/:id', named('device'), (req: Request, res: Response) => {
    const device = state.devices.get(String(req.params.id));
    if (device === undefined) throw new ApiError('not_found', 'no such device');
    res.json(device);
  });

  router.get('/devices/:id/flows', named('device_flows'), (req: Request, res: Response) => {
    const { limit } = parseQuery(limitQuery, req.query);
    const flows = state.deviceFlows(String(req.params.id), limit);
    if (flows === undefined) throw new ApiError('not_found', 'no such device');
    res.json({ flows });
  });

  router.get('/flows', named('flows'), (req: Request, res: Response) => {
    const { limit, ...rest } = parseQuery(flowQuery, req.query);
    // Addresses are stored as producers write them (RFC 5952 for IPv6); compare in that form.
    const filter: FlowFilter = rest.ip === undefined ? rest : { ...rest, ip: canonicalIp(rest.ip) };
    const any = Object.values(filter).some((v) => v !== undefined);
    res.json({ flows: state.flows.newest(limit, any ? (f) => flowMatches(f, filter) : undefined) });
  });

  router.get('/alerts', named('alerts'), (req: Request, res: Response) => {
    const { limit, severity } = parseQuery(alertQuery, req.query);
    res.json({ alerts: state.alerts.newest(limit, severity ?? 1) });
  });

  router.post('/alerts/:id/ack', named('alert_ack'), (req: Request, res: Response) => {
    const alert = state.acknowledge(String(req.params.id));
    if (alert === undefined) throw new ApiError('not_found', 'no such alert');
    res.json(alert);
  });

  router.get('/topology', named('topology'), (req: Request, res: Response) => {
    const { limit } = parseQuery(topologyQuery, req.query);
    res.json(buildTopology(state.links.top(limit), state.devices));
  });

  return router;
}
