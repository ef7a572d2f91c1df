// `netwatch service api`: the API on its own HTTP port (NETWATCH_API_HOST:PORT); metrics and health stay on the ops port.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isLoopbackHost, NetwatchError, type ServiceDefinition } from '@netwatch/kit';
import { apiEnvShape, siteFromEnv } from './api-config.js';
import { authConfigFromEnv, checkAuthConfig } from './auth/auth-config.js';
import { createApi } from './create-api.js';

export const apiService: ServiceDefinition<typeof apiEnvShape> = {
  name: 'api',
  env: apiEnvShape,
  async start({ config, logger, metrics, bus, addReadiness }) {
    const host = config.NETWATCH_API_HOST;
    const loopbackOnly = isLoopbackHost(host);
    const authConfig = authConfigFromEnv(config);
    checkAuthConfig(authConfig, loopbackOnly, `on ${host} (NETWATCH_API_HOST), beyond loopback`);
    const api = createApi({
      bus,
      logger,
      metrics,
      authConfig,
      site: siteFromEnv(config),
      loopbackOnly,
      homeNet: config.NETWATCH_HOME_NET,
      ...(config.NETWATCH_API_UI_DIR !== undefined ? { uiDir: config.NETWATCH_API_UI_DIR } : {}),
    });
    let joined = false;
    addReadiness({ name: 'api', check: () => joined });
    const server = createServer((req, res) => {
      if (!api.handler(req, res)) res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
    });
    try {
      await listen(server, config.NETWATCH_API_PORT, host);
      await api.ready();
    } catch (error) {
      server.close();
      await api.close();
      throw error;
    }
    joined = true;
    const { port } = server.address() as AddressInfo;
    logger.info({ host, port, authRequired: api.auth.required }, 'api listening');
    return {
      async stop() {
        joined = false;
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        await api.close();
        server.closeIdleConnections();
        await closed;
      },
    };
  },
};

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(new NetwatchError('config_invalid', `NETWATCH_API_PORT: cannot listen on ${host}:${port} (${error.code ?? error.message})`, {
        cause: error,
        details: { variable: 'NETWATCH_API_PORT' },
      }));
    });
    server.listen(port, host, () => resolve());
  });
}
