// createApi: the state fed from the bus, the live feed, auth and the HTTP handler, ready to mount on any server.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type Bus, type Logger, type Metrics, silentLogger, type Subscription } from '@netwatch/kit';
import { Registry } from 'prom-client';
import { createApiMetrics } from './api-metrics.js';
import { type AuthConfig, checkAuthConfig } from './auth/auth-config.js';
import { Authenticator } from './auth/authenticator.js';
import type { Site } from './contract/shapes.js';
import { type FeedOptions, FeedHub } from './feed/feed-hub.js';
import { createApp } from './http/app.js';
import { ApiState, type StateLimits } from './state/api-state.js';
import { defaultUiDir } from './ui-dir.js';
import { API_VERSION } from './version.js';

export interface ApiOptions {
  readonly bus: Bus;
  readonly logger?: Logger;
  /** Where the API's metrics go: a kit Metrics or a prom-client Registry. */
  readonly metrics: Metrics | Registry;
  readonly authConfig: AuthConfig;
  readonly site: Site;
  /** The built UI; default the repository's ui/dist if it exists; null serves no UI. */
  readonly uiDir?: string | null;
  /** True only when the server listens on a loopback address: the one case auth may be off. */
  readonly loopbackOnly: boolean;
  /** Consumer group on the bus (default 'api'). */
  readonly group?: string;
  readonly limits?: StateLimits;
  readonly homeNet?: readonly string[];
  readonly feed?: FeedOptions;
}

export interface Api {
  /** Serves the request and returns true, or returns false for /healthz, /readyz and /metrics (the ops server's). */
  handler(req: IncomingMessage, res: ServerResponse): boolean;
  /** Resolves once the API has joined its topics on the bus. */
  ready(): Promise<void>;
  /** Ends feed streams and leaves the bus topics (the bus itself belongs to the caller). */
  close(): Promise<void>;
  readonly state: ApiState;
  readonly feed: FeedHub;
  readonly auth: Authenticator;
}

const OPS_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

/** Throws NetwatchError `config_invalid` (naming NETWATCH_API_PASSWORD_HASH) when auth would be off beyond loopback. */
export function createApi(options: ApiOptions): Api {
  checkAuthConfig(options.authConfig, options.loopbackOnly);
  const logger = options.logger ?? silentLogger();
  const registry = options.metrics instanceof Registry ? options.metrics : options.metrics.registry;
  const state = new ApiState({
    logger,
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.homeNet ? { homeNet: options.homeNet } : {}),
  });
  const auth = new Authenticator(options.authConfig, options.loopbackOnly);
  const metrics = createApiMetrics(registry, { sessions: () => auth.sessions.size, stateSizes: () => state.sizes() });
  const feed = new FeedHub(state, metrics, options.feed);
  state.listen(feed);
  const uiDir = options.uiDir === null ? undefined : (options.uiDir ?? defaultUiDir());
  const app = createApp({
    state, feed, auth, metrics, logger, site: options.site, uiDir, version: API_VERSION, startedAtMs: Date.now(),
  });
  const subscribing: Promise<Subscription[]> = state.subscribe(options.bus, options.group ?? 'api');
  subscribing.catch(() => {}); // reported through ready()
  let closed = false;
  return {
    state,
    feed,
    auth,
    handler(req, res) {
      const path = (req.url ?? '/').split('?')[0] as string;
      if (OPS_PATHS.has(path)) return false;
      app(req, res);
      return true;
    },
    async ready() {
      await subscribing;
    },
    async close() {
      if (closed) return;
      closed = true;
      feed.close();
      auth.sessions.clear();
      const subscriptions = await subscribing.catch(() => [] as Subscription[]);
      await Promise.all(subscriptions.map((s) => s.close()));
    },
  };
}
