// The express application: security headers, /api/v1 (public, then authenticated routes), the UI, JSON errors.
import type { Logger } from '@netwatch/kit';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { ApiMetrics } from '../api-metrics.js';
import type { Authenticator } from '../auth/authenticator.js';
import { expressTrustProxy } from '../auth/trust-proxy.js';
import { openApiDocument } from '../contract/openapi.js';
import type { Site } from '../contract/shapes.js';
import type { FeedHub } from '../feed/feed-hub.js';
import type { ApiState } from '../state/api-state.js';
import { ApiError, sendError, toApiError } from './api-error.js';
import { authRoutes, requireAuth } from './auth-routes.js';
import { dataRoutes } from './data-routes.js';
import { feedRoute } from './feed-route.js';
import { named } from './route-name.js';
import { requireJsonForMutations, securityHeaders } from './security-headers.js';
import { staticUi } from './static-ui.js';

export interface AppDeps {
  readonly state: ApiState;
  readonly feed: FeedHub;
  readonly auth: Authenticator;
  readonly metrics: ApiMetrics;
  readonly logger: Logger;
  readonly site: Site;
  readonly uiDir: string | undefined;
  readonly version: string;
  readonly startedAtMs: number;
}

export function createApp(deps: AppDeps): express.Express {
  const { auth, metrics, logger, version } = deps;
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('query parser', 'simple');
  // Decides req.ip (the login limit's key) and req.secure; off unless NETWATCH_API_TRUST_PROXY names the proxies.
  app.set('trust proxy', expressTrustProxy(auth.config.trustProxy));
  app.use(securityHeaders);
  app.use(requestMetrics(metrics));

  const api = express.Router();
  api.use((_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  api.use(requireJsonForMutations);
  api.use(express.json({ limit: '16kb', type: 'application/json' }));
  api.get('/openapi.json', named('openapi'), (_req: Request, res: Response) => {
    res.json(openApiDocument(version));
  });
  api.use(authRoutes({ auth, metrics, version, startedAtMs: deps.startedAtMs }));
  api.use(requireAuth(auth, metrics));
  api.get('/feed', named('feed'), feedRoute(deps.feed));
  api.use(dataRoutes(deps.state, deps.site));
  api.use((req: Request) => {
    throw new ApiError('not_found', `no route ${req.method} /api/v1${req.path}`);
  });
  app.use('/api/v1', api);
  app.use('/api', (req: Request) => {
    throw new ApiError('not_found', `no route ${req.method} /api${req.path}; this server speaks /api/v1`);
  });
  app.use(staticUi(deps.uiDir));
  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const apiError = toApiError(error);
    if (apiError.code === 'internal') logger.error({ err: error, path: req.path }, 'api request failed');
    sendError(res, apiError);
  });
  return app;
}

/** Counts every answer by route and status class; times all but the feed, whose answer lasts as long as the client. */
function requestMetrics(metrics: ApiMetrics) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const start = performance.now();
    res.once('finish', () => {
      const route = (res.locals.route as string | undefined) ?? (req.path.startsWith('/api/') ? 'api_other' : 'ui');
      metrics.requests.inc({ route, status: `${Math.floor(res.statusCode / 100)}xx` });
      if (route !== 'feed') metrics.requestSeconds.observe({ route }, (performance.now() - start) / 1000);
    });
    next();
  };
}
