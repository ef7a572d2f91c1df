// The compose file as compose itself resolves it: `docker-compose config` (interpolation, anchors, merges) parsed into typed services.
import { execFileSync } from 'node:child_process';
import { parse } from 'yaml';

export interface ComposeService {
  readonly name: string;
  readonly image: string;
  readonly command: readonly string[];
  readonly entrypoint: readonly string[];
  /** Values as the container sees them (compose's `$$` escape undone). */
  readonly environment: Readonly<Record<string, string>>;
  readonly networkMode: string | undefined;
  readonly networks: readonly string[];
  /** Published ports: host address, host port, container port. */
  readonly ports: readonly { hostIp: string; published: number; target: number }[];
  readonly capAdd: readonly string[];
  readonly capDrop: readonly string[];
  readonly securityOpt: readonly string[];
  readonly healthcheck: readonly string[] | undefined;
  readonly dependsOn: Readonly<Record<string, string>>;
  readonly profiles: readonly string[];
  readonly readOnly: boolean;
  readonly memLimit: string | undefined;
}

export interface ComposeModel {
  readonly services: ReadonlyMap<string, ComposeService>;
  readonly networks: Readonly<Record<string, { internal?: boolean }>>;
}

/** Runs `docker-compose config` on the files with an env file; throws with compose's own message on failure. */
export function composeConfig(
  root: string,
  envFile: string,
  files: readonly string[],
  profiles: readonly string[] = [],
): string {
  const args = ['--env-file', envFile, ...files.flatMap((f) => ['-f', f]), ...profiles.flatMap((p) => ['--profile', p]),
    'config'];
  return execFileSync('docker-compose', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 60_000 });
}

type Raw = Record<string, unknown>;

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : [];

/** `$$` is compose's escape for a literal `$` in its own output. */
const unescape = (value: unknown) => String(value ?? '').replaceAll('$$', '$');

function environmentOf(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (Array.isArray(value)) {
    for (const item of value.map(String)) {
      const eq = item.indexOf('=');
      out[eq < 0 ? item : item.slice(0, eq)] = eq < 0 ? '' : unescape(item.slice(eq + 1));
    }
  } else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value as Raw)) out[key] = unescape(v);
  }
  return out;
}

function portsOf(value: unknown): ComposeService['ports'] {
  return (Array.isArray(value) ? value : []).map((port: unknown) => {
    if (typeof port === 'object' && port !== null) {
      const p = port as Raw;
      return { hostIp: String(p.host_ip ?? '0.0.0.0'), published: Number(p.published), target: Number(p.target) };
    }
    // Short syntax, as docker-compose 1.x prints it: [IP:]PUBLISHED:TARGET[/PROTOCOL]
    const parts = String(port).replace(/\/(tcp|udp)$/, '').split(':');
    const target = Number(parts.pop());
    const published = Number(parts.pop());
    return { hostIp: parts.length > 0 ? parts.join(':') : '0.0.0.0', published, target };
  });
}

function dependsOnOf(value: unknown): Record<string, string> {
  if (Array.isArray(value)) return Object.fromEntries(value.map((name) => [String(name), 'service_started']));
  const out: Record<string, string> = {};
  for (const [name, spec] of Object.entries((value ?? {}) as Raw)) {
    out[name] = String((spec as Raw | null)?.condition ?? 'service_started');
  }
  return out;
}

/** Parses `docker-compose config` output. */
export function parseCompose(text: string): ComposeModel {
  const doc = parse(text) as Raw;
  const services = new Map<string, ComposeService>();
  for (const [name, value] of Object.entries((doc.services ?? {}) as Raw)) {
    const s = value as Raw;
    const networks = Array.isArray(s.networks) ? s.networks.map(String) : Object.keys((s.networks ?? {}) as Raw);
    services.set(name, {
      name,
      image: String(s.image ?? ''),
      command: strings(s.command),
      entrypoint: strings(s.entrypoint),
      environment: environmentOf(s.environment),
      networkMode: s.network_mode === undefined ? undefined : String(s.network_mode),
      networks,
      ports: portsOf(s.ports),
      capAdd: strings(s.cap_add),
      capDrop: strings(s.cap_drop),
      securityOpt: strings(s.security_opt),
      healthcheck: s.healthcheck === undefined ? undefined : strings((s.healthcheck as Raw).test),
      dependsOn: dependsOnOf(s.depends_on),
      profiles: strings(s.profiles),
      readOnly: s.read_only === true,
      memLimit: s.mem_limit === undefined ? undefined : String(s.mem_limit),
    });
  }
  return { services, networks: (doc.networks ?? {}) as ComposeModel['networks'] };
}
