// The api v1 client: same-origin fetch with the session cookie, JSON in and out, errors as ApiError with the api's
// code; a 401 on a data call tells the app to show the login page.
import {
  parseAlert, parseDevice, parseFlow, parseSession, parseSite, parseStats, parseTopology, parseWrapped,
} from './parse.js';
import { isObject, str } from './read.js';
import type { Alert, Device, Flow, Session, Site, Stats, Topology } from './types.js';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly retryAfterSec?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface FlowQuery {
  limit?: number;
  ip?: string;
  port?: number;
  protocol?: string;
  country?: string;
}

type Query = Record<string, string | number | undefined>;

export class ApiClient {
  constructor(
    private readonly base = '/api/v1',
    private readonly onUnauthorized: () => void = () => {},
  ) {}

  async session(): Promise<Session> {
    return parseSession(await this.request('GET', '/auth/session', { auth: false }));
  }

  async login(username: string, password: string): Promise<{ user: string; expiresAt?: string }> {
    const body = await this.request('POST', '/auth/login', { body: { username, password }, auth: false });
    return { user: (isObject(body) ? str(body.user) : undefined) ?? username };
  }

  async logout(): Promise<void> {
    await this.request('POST', '/auth/logout', { auth: false });
  }

  async stats(): Promise<Stats | undefined> {
    return parseStats(await this.request('GET', '/stats'));
  }

  async site(): Promise<Site> {
    return parseSite(await this.request('GET', '/site'));
  }

  async devices(): Promise<Device[]> {
    return parseWrapped(await this.request('GET', '/devices'), 'devices', parseDevice);
  }

  async device(id: string): Promise<Device | undefined> {
    return parseDevice(await this.request('GET', `/devices/${encodeURIComponent(id)}`));
  }

  async deviceFlows(id: string, limit = 200): Promise<Flow[]> {
    const body = await this.request('GET', `/devices/${encodeURIComponent(id)}/flows`, { query: { limit } });
    return parseWrapped(body, 'flows', parseFlow);
  }

  async flows(query: FlowQuery = {}): Promise<Flow[]> {
    return parseWrapped(await this.request('GET', '/flows', { query: { ...query } }), 'flows', parseFlow);
  }

  async alerts(limit = 500): Promise<Alert[]> {
    return parseWrapped(await this.request('GET', '/alerts', { query: { limit } }), 'alerts', parseAlert);
  }

  async acknowledge(id: string): Promise<Alert | undefined> {
    return parseAlert(await this.request('POST', `/alerts/${encodeURIComponent(id)}/ack`));
  }

  async topology(): Promise<Topology> {
    return parseTopology(await this.request('GET', '/topology'));
  }

  private async request(
    method: 'GET' | 'POST',
    path: string,
    options: { query?: Query; body?: unknown; auth?: boolean } = {},
  ): Promise<unknown> {
    const url = this.base + path + queryString(options.query);
    const init: RequestInit = { method, credentials: 'same-origin', headers: { Accept: 'application/json' } };
    if (method === 'POST') {
      // Every change is JSON, even without a body: the api refuses other types, which is what keeps a cross-site
      // form (urlencoded, multipart, text/plain) from posting with the user's cookie.
      init.headers = { Accept: 'application/json', 'Content-Type': 'application/json' };
      init.body = JSON.stringify(options.body ?? {});
    }
    let response: Response;
    try {
      response = await fetch(url, init);
    } catch (cause) {
      throw new ApiError(0, 'network_error', `cannot reach the api (${String(cause)})`);
    }
    if (response.status === 204) return undefined;
    const body: unknown = await response.json().catch(() => undefined);
    if (response.ok) return body;
    const error = isObject(body) && isObject(body.error) ? body.error : {};
    const retryAfter = Number(response.headers.get('Retry-After'));
    const apiError = new ApiError(
      response.status,
      str(error.code) ?? `http_${response.status}`,
      str(error.message) ?? response.statusText,
      Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
    );
    if (response.status === 401 && options.auth !== false) this.onUnauthorized();
    throw apiError;
  }
}

export function queryString(query: Query | undefined): string {
  if (query === undefined) return '';
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== '') params.set(k, String(v));
  }
  const s = params.toString();
  return s === '' ? '' : `?${s}`;
}
