// The small HTTP server every service runs: /metrics for Prometheus, /healthz and /readyz for orchestrators.
import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';
import { NetwatchError } from './errors.js';
import type { Logger } from './log.js';

export interface ReadinessCheck {
  readonly name: string;
  readonly check: () => boolean | Promise<boolean>;
}

export interface OpsServerOptions {
  readonly host: string;
  readonly port: number;
  readonly registry: Registry;
  readonly logger: Logger;
  /** Required on /metrics as `Authorization: Bearer <token>` when set. */
  readonly metricsToken?: string;
  readonly readiness?: readonly ReadinessCheck[];
  /** Extra routes (for example the api serving the UI), tried before the built-in ones. */
  readonly extra?: (req: IncomingMessage, res: ServerResponse) => boolean;
}

export interface OpsServer {
  readonly port: number;
  readonly url: string;
  close(): Promise<void>;
}

/** Loopback addresses: the only ones an unauthenticated endpoint may listen on. */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}

export async function startOpsServer(options: OpsServerOptions): Promise<OpsServer> {
  if (!isLoopbackHost(options.host) && !options.metricsToken) {
    throw new NetwatchError(
      'config_invalid',
      `NETWATCH_METRICS_TOKEN: is required when the ops server listens beyond loopback (NETWATCH_HTTP_HOST=${options.host})`,
      { details: { variable: 'NETWATCH_METRICS_TOKEN' } },
    );
  }
  const server = createServer((req, res) => {
    handle(req, res, options).catch((error: unknown) => {
      options.logger.error({ err: error, url: req.url }, 'ops request failed');
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await listen(server, options.port, options.host);
  const { port } = server.address() as AddressInfo;
  const shownHost = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    port,
    url: `http://${shownHost}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  options: OpsServerOptions,
): Promise<void> {
  if (options.extra?.(req, res)) return;
  const path = (req.url ?? '/').split('?')[0];
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD' }).end();
    return;
  }
  if (path === '/healthz') {
    res.writeHead(200, { 'content-type': 'text/plain' }).end('ok\n');
    return;
  }
  if (path === '/readyz') {
    const results = await Promise.all(
      (options.readiness ?? []).map(
        async (c) => [c.name, await Promise.resolve(c.check()).catch(() => false)] as const,
      ),
    );
    const ready = results.every(([, ok]) => ok);
    res
      .writeHead(ready ? 200 : 503, { 'content-type': 'application/json' })
      .end(`${JSON.stringify({ ready, checks: Object.fromEntries(results) })}\n`);
    return;
  }
  if (path === '/metrics') {
    if (options.metricsToken && !bearerMatches(req.headers.authorization, options.metricsToken)) {
      res.writeHead(401, { 'www-authenticate': 'Bearer' }).end();
      return;
    }
    const body = await options.registry.metrics();
    res.writeHead(200, { 'content-type': options.registry.contentType }).end(body);
    return;
  }
  res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
}

function bearerMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(header?.startsWith('Bearer ') ? header.slice(7) : '');
  const wanted = Buffer.from(token);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        new NetwatchError(
          'config_invalid',
          `NETWATCH_HTTP_PORT: cannot listen on ${host}:${port} (${error.code ?? error.message})`,
          {
            cause: error,
            details: { variable: 'NETWATCH_HTTP_PORT' },
          },
        ),
      );
    });
    server.listen(port, host, () => resolve());
  });
}
