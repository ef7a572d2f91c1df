// The OpenAPI 3.1 document of API v1, generated from the same zod schemas the responses are built and tested with.
import { z } from 'zod';
import {
  alertListShape, alertShape, deviceListShape, deviceShape, endpointShape, errorShape, feedDevicesShape,
  feedFlowsShape, flowListShape, flowShape, healthShape, liveStatsShape, loginBodyShape,
  loginShape, sessionShape, siteShape, statsShape, topologyShape,
} from './shapes.js';

const components: Record<string, z.ZodType> = {
  Endpoint: endpointShape,
  Flow: flowShape,
  Device: deviceShape,
  Alert: alertShape,
  LiveStats: liveStatsShape,
  Stats: statsShape,
  Site: siteShape,
  Topology: topologyShape,
  Health: healthShape,
  Session: sessionShape,
  LoginRequest: loginBodyShape,
  Login: loginShape,
  Error: errorShape,
  FlowList: flowListShape,
  DeviceList: deviceListShape,
  AlertList: alertListShape,
  FeedFlows: feedFlowsShape,
  FeedDevices: feedDevicesShape,
};

type Operation = Record<string, unknown>;
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (name: string, description: string) => ({ description, content: { 'application/json': { schema: ref(name) } } });
const error = (description: string) => json('Error', description);
const query = (name: string, description: string, schema: object) => ({ name, in: 'query', required: false, description, schema });
const pathId = (description: string) => ({ name: 'id', in: 'path', required: true, description, schema: { type: 'string' } });
const limit = (max: number, fallback: number) =>
  query('limit', `How many to return (default ${fallback})`, { type: 'integer', minimum: 1, maximum: max, default: fallback });
const secured = (op: Operation): Operation => ({
  ...op,
  responses: { ...(op.responses as object), 401: error('Not authenticated') },
});
const publicOp = (op: Operation): Operation => ({ ...op, security: [] });

function get(summary: string, response: string, extra: Operation = {}): Operation {
  return { summary, ...extra, responses: { 200: json(response, summary), ...((extra.responses as object) ?? {}) } };
}

/** Every path of the contract; the route test calls each GET and compares its top-level keys with the schema. */
export const openApiPaths: Record<string, Record<string, Operation>> = {
  '/health': { get: publicOp(get('Liveness and version', 'Health')) },
  '/auth/session': { get: publicOp(get('Whether auth is required and whether this request is authenticated', 'Session')) },
  '/auth/login': {
    post: publicOp({
      summary: 'Log in; sets the netwatch_session cookie (HttpOnly; SameSite=Strict; Path=/; Secure over HTTPS)',
      requestBody: { required: true, content: { 'application/json': { schema: ref('LoginRequest') } } },
      responses: {
        200: json('Login', 'Logged in'),
        400: error('Body is not the expected JSON, or auth is off'),
        401: error('Wrong name or password'),
        415: error('Content-Type is not application/json'),
        429: { ...error('Too many failures from this address; see Retry-After'), headers: { 'Retry-After': { schema: { type: 'integer' } } } },
      },
    }),
  },
  '/auth/logout': { post: publicOp({ summary: 'Forget the session and clear the cookie', responses: { 204: { description: 'Logged out' } } }) },
  '/openapi.json': { get: publicOp({ summary: 'This document', responses: { 200: { description: 'OpenAPI 3.1' } } }) },
  '/stats': { get: secured(get('Rates, counts, protocol mix, capture drops and 10 minutes of history', 'Stats')) },
  '/site': { get: secured(get('Where the monitored site is (arcs on the globe start there)', 'Site')) },
  '/devices': { get: secured(get('Devices, most recently seen first', 'DeviceList')) },
  '/devices/{id}': {
    get: secured(get('One device', 'Device', { parameters: [pathId('Device id')], responses: { 404: error('No such device') } })),
  },
  '/devices/{id}/flows': {
    get: secured(get('Flows touching one device, newest first', 'FlowList', {
      parameters: [pathId('Device id'), limit(1000, 100)],
      responses: { 400: error('A bad parameter (named in the message)'), 404: error('No such device') },
    })),
  },
  '/flows': {
    get: secured(get('Flows, newest first', 'FlowList', {
      parameters: [
        limit(1000, 100),
        query('ip', 'Either side has this address', { type: 'string' }),
        query('port', 'Either side has this port', { type: 'integer', minimum: 0, maximum: 65535 }),
        query('protocol', 'Application protocol (dns, tls, …) or transport (tcp, udp, icmp)', { type: 'string' }),
        query('country', 'Either side is in this ISO 3166-1 alpha-2 country (with or without a location)',
          { type: 'string' }),
      ],
      responses: { 400: error('A bad parameter (named in the message)') },
    })),
  },
  '/alerts': {
    get: secured(get('Alerts, newest first', 'AlertList', {
      parameters: [
        limit(1000, 100),
        query('severity', 'Least severe level to include: 1 low, 2 medium, 3 high, 4 critical (or the name); 3 gives high and critical',
          { oneOf: [{ type: 'integer', minimum: 1, maximum: 4 }, { type: 'string', enum: ['low', 'medium', 'high', 'critical'] }] }),
      ],
      responses: { 400: error('A bad parameter (named in the message)') },
    })),
  },
  '/alerts/{id}/ack': {
    post: secured({
      summary: 'Acknowledge an alert (Content-Type: application/json required)',
      parameters: [pathId('Alert id')],
      responses: { 200: json('Alert', 'The alert, acknowledged'), 404: error('No such alert'), 415: error('Not JSON') },
    }),
  },
  '/topology': {
    get: secured(get('Devices and external hosts linked by the heaviest conversations', 'Topology', {
      parameters: [query('limit', 'Most links to return (default 200)', { type: 'integer', minimum: 1, maximum: 1000, default: 200 })],
    })),
  },
  '/feed': {
    get: secured({
      summary: 'Server-Sent Events: every 500 ms at most one message per event name (flows: FeedFlows, ' +
        'alerts: AlertList, devices: FeedDevices, stats: LiveStats at most once a second), `: keepalive` every 15 s',
      responses: { 200: { description: 'An event stream', content: { 'text/event-stream': { schema: { type: 'string' } } } } },
    }),
  },
};

let cached: object | undefined;

export function openApiDocument(version: string): object {
  if (cached !== undefined) return cached;
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(components)) registry.add(schema, { id });
  const generated = z.toJSONSchema(registry, { uri: (id) => `#/components/schemas/${id}`, target: 'draft-2020-12' });
  const schemas = Object.fromEntries(Object.entries(generated.schemas).map(([id, schema]) => {
    const { $schema: _s, $id: _i, ...rest } = schema as Record<string, unknown>;
    return [id, rest];
  }));
  cached = {
    openapi: '3.1.0',
    info: { title: 'netwatch API', version, description: 'REST and live feed of the netwatch network monitor' },
    servers: [{ url: '/api/v1' }],
    security: [{ cookie: [] }, { bearer: [] }],
    paths: openApiPaths,
    components: {
      schemas,
      securitySchemes: {
        cookie: { type: 'apiKey', in: 'cookie', name: 'netwatch_session' },
        bearer: { type: 'http', scheme: 'bearer', description: 'A token whose SHA-256 is in NETWATCH_API_TOKEN_SHA256' },
      },
    },
  };
  return cached;
}
