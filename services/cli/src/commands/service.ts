// `netwatch service NAME`: one service, configured from the environment, as compose runs it.
import { runService } from '@netwatch/kit';
import { serviceRegistry } from '../services.js';
import { usageError } from '../usage-error.js';

export function serviceHelp(): string {
  const names = Object.keys(serviceRegistry);
  return `Usage: netwatch service NAME

Runs one netwatch service until SIGTERM, configured from the environment (see
.env.template and the service's README). Every service serves /metrics,
/healthz and /readyz on NETWATCH_HTTP_HOST:NETWATCH_HTTP_PORT.

Services in this build: ${names.length === 0 ? '(none yet)' : names.join(', ')}`;
}

export async function serviceCommand(argv: string[]): Promise<number> {
  const [name, ...extra] = argv;
  if (name === undefined || name === '--help' || name === '-h') {
    process.stdout.write(`${serviceHelp()}\n`);
    return name === undefined ? 2 : 0;
  }
  if (extra.length > 0) throw usageError(`service takes one NAME, got also: ${extra.join(' ')}`);
  const load = serviceRegistry[name];
  if (load === undefined) {
    const names = Object.keys(serviceRegistry);
    throw usageError(
      `unknown service "${name}"; services in this build: ${names.length === 0 ? '(none yet)' : names.join(', ')}`,
    );
  }
  await runService(await load());
  return 0;
}
