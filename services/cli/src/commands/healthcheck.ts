// `netwatch healthcheck`: asks this container's own ops server whether the service is ready (the compose/Docker healthcheck).
import { parseArgs } from 'node:util';
import { port } from '@netwatch/kit/config';
import { NetwatchError } from '@netwatch/kit/errors';

export const healthcheckHelp = `Usage: netwatch healthcheck [--path /readyz] [--timeout MS]

Asks the ops server of the service in this container (127.0.0.1, NETWATCH_HTTP_PORT,
default 9400) for /readyz and exits 0 when it answers 200, 1 otherwise. It is the
healthcheck the Dockerfile and docker-compose.yml run; it needs no token (health
endpoints are open, /metrics is not).

Exit status: 0 ready, 1 not ready or not answering, 2 bad usage.`;

export async function healthcheckCommand(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      path: { type: 'string', default: '/readyz' },
      timeout: { type: 'string', default: '3000' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(`${healthcheckHelp}\n`);
    return 0;
  }
  const parsed = port().safeParse(env.NETWATCH_HTTP_PORT || '9400');
  if (!parsed.success) throw new NetwatchError('config_invalid', 'NETWATCH_HTTP_PORT: must be a port number');
  const timeoutMs = Number(values.timeout);
  if (!Number.isInteger(timeoutMs) || timeoutMs <= 0) throw new NetwatchError('usage', '--timeout: milliseconds, > 0');
  if (!values.path.startsWith('/')) throw new NetwatchError('usage', '--path: must start with /');
  // Loopback always: the ops server listens there or on every address, and the check runs inside the container.
  const url = `http://127.0.0.1:${parsed.data}${values.path}`;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    const body = (await response.text()).slice(0, 300).trim();
    process.stdout.write(`${url}: ${response.status} ${body}\n`);
    return response.status === 200 ? 0 : 1;
  } catch (error) {
    process.stdout.write(`${url}: no answer (${error instanceof Error ? error.message : String(error)})\n`);
    return 1;
  }
}
