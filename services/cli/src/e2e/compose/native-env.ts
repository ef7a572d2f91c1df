// Turns a compose service's environment into a native process's: the few declared substitutions only, everything else as compose gives it.
import { readFileSync } from 'node:fs';
import type { ComposeService } from './compose-model.js';

/** What stands in for the containers' world on this machine. */
export interface NativeWorld {
  /** The real local Kafka standing in for the `kafka` service (both listeners). */
  readonly kafkaBrokers: string;
  /** The service's ops port: containers each have their own 9400, native processes cannot share one. */
  readonly httpPort: number;
  /** The api's port, for the same reason. */
  readonly apiPort: number;
  /** Sensors read this file instead of the interfaces in NETWATCH_CAPTURE_INTERFACES. */
  readonly captureFile: string;
  /** The image's ENV lines with its paths mapped here (see imageEnvironment). */
  readonly imageEnv: Readonly<Record<string, string>>;
  /** PATH and HOME for the process (compose gives the image's). */
  readonly path: string;
  readonly home: string;
}

/**
 * The substitutions, and nothing more: listeners move from every address to loopback (a test must
 * not listen beyond it) and to free ports; Kafka's hostnames become the local broker; a capture
 * file replaces the interfaces. Every other variable, name and value, is exactly compose's.
 */
export function nativeEnvironment(service: ComposeService, world: NativeWorld): Record<string, string> {
  const env: Record<string, string> = { ...world.imageEnv, PATH: world.path, HOME: world.home };
  for (const [name, value] of Object.entries(service.environment)) {
    switch (name) {
      case 'KAFKA_BROKERS':
        env[name] = world.kafkaBrokers;
        break;
      case 'NETWATCH_HTTP_HOST':
      case 'NETWATCH_API_HOST':
        env[name] = value === '0.0.0.0' ? '127.0.0.1' : value;
        break;
      case 'NETWATCH_HTTP_PORT':
        env[name] = String(world.httpPort);
        break;
      case 'NETWATCH_API_PORT':
        env[name] = String(world.apiPort);
        break;
      case 'NETWATCH_CAPTURE_INTERFACES':
        env.NETWATCH_CAPTURE_FILE = world.captureFile;
        break;
      default:
        env[name] = value;
    }
  }
  return env;
}

/**
 * The runtime stage's ENV instructions from the Dockerfile, with the image's paths mapped to this
 * checkout (`/app` is the repository) and to a scratch home (`/var/lib/netwatch`).
 */
export function imageEnvironment(dockerfile: string, root: string, home: string): Record<string, string> {
  const text = readFileSync(dockerfile, 'utf8').replace(/\\\n/g, ' ');
  const stages = text.split(/^FROM\s/m);
  const runtime = stages[stages.length - 1] ?? '';
  const env: Record<string, string> = {};
  for (const line of runtime.split('\n')) {
    const match = /^ENV\s+(.*)$/.exec(line.trim());
    if (!match?.[1]) continue;
    for (const pair of match[1].trim().split(/\s+/)) {
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      env[pair.slice(0, eq)] = pair.slice(eq + 1).replace(/^\/app(?=\/|$)/, root.replace(/\/$/, ''))
        .replace(/^\/var\/lib\/netwatch(?=\/|$)/, home);
    }
  }
  return env;
}
