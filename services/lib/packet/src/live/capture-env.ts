// Capture settings from the environment: live interfaces (BPF filter, snaplen, ring buffer, promiscuous mode) or a capture file.
import { bool, int, list } from '@netwatch/kit/config';
import { NetwatchError } from '@netwatch/kit/errors';
import { LiveCaptureError } from './live-capture-error.js';
import { type LiveCaptureGroup, openLiveCaptures } from './live-captures.js';
import type { LiveCaptureOptions } from './live-options.js';
import { z } from 'zod';

export const captureEnvShape = {
  /** Live interfaces; exactly one of this and NETWATCH_CAPTURE_FILE. */
  NETWATCH_CAPTURE_INTERFACES: list().pipe(z.array(z.string().regex(/^[\w.:@-]{1,15}$/, 'not an interface name'))
    .min(1, 'name at least one interface, e.g. eth0 or eth0,eth1')).optional(),
  /** A pcap/pcapng file read once instead of live interfaces (offline analysis, the compose-parity test). */
  NETWATCH_CAPTURE_FILE: z.string().trim().min(1).optional(),
  /** With a file: keep the capture's own pace (true) or read it as fast as the bus takes it (false). */
  NETWATCH_CAPTURE_FILE_PACED: bool().default(false),
  NETWATCH_CAPTURE_FILTER: z.string().trim().optional(),
  NETWATCH_CAPTURE_SNAPLEN: int(64, 262_144).default(262_144),
  NETWATCH_CAPTURE_BUFFER_MB: int(2, 4096).default(64),
  NETWATCH_CAPTURE_PROMISC: bool().default(true),
};

export type CaptureEnv = z.infer<z.ZodObject<typeof captureEnvShape>>;

/** Where a sensor's packets come from. */
export type CaptureSource =
  | { readonly kind: 'live'; readonly interfaces: readonly string[] } |
  { readonly kind: 'file'; readonly path: string; readonly paced: boolean };

/** Exactly one source must be configured; anything else is a config error naming both variables. */
export function captureSourceOf(env: CaptureEnv): CaptureSource {
  const interfaces = env.NETWATCH_CAPTURE_INTERFACES;
  const path = env.NETWATCH_CAPTURE_FILE;
  if (interfaces !== undefined && path !== undefined) {
    throw new NetwatchError('config_invalid',
      'NETWATCH_CAPTURE_INTERFACES and NETWATCH_CAPTURE_FILE are both set; set one of them',
      { details: { variable: 'NETWATCH_CAPTURE_FILE' } });
  }
  if (path !== undefined) return { kind: 'file', path, paced: env.NETWATCH_CAPTURE_FILE_PACED };
  if (interfaces === undefined) {
    throw new NetwatchError('config_invalid',
      'NETWATCH_CAPTURE_INTERFACES: is required (name at least one interface, e.g. eth0, or set NETWATCH_CAPTURE_FILE)',
      { details: { variable: 'NETWATCH_CAPTURE_INTERFACES' } });
  }
  return { kind: 'live', interfaces };
}

/** The variable each live-capture option comes from, for error messages. */
const variableOf: Partial<Record<string, string>> = {
  bad_filter: 'NETWATCH_CAPTURE_FILTER',
  no_such_device: 'NETWATCH_CAPTURE_INTERFACES',
  interface_down: 'NETWATCH_CAPTURE_INTERFACES',
  invalid_option: 'NETWATCH_CAPTURE_*',
};

/**
 * Opens one capture per interface. A wrong name, filter or option is `config_invalid` (exit 2)
 * naming the variable; missing privileges say which capabilities to grant.
 */
export function openCaptureInterfaces(env: CaptureEnv, interfaces: readonly string[]): LiveCaptureGroup {
  const options: LiveCaptureOptions[] = interfaces.map((name, interfaceIndex) => ({
    interface: name,
    interfaceIndex,
    snaplen: env.NETWATCH_CAPTURE_SNAPLEN,
    bufferSizeBytes: env.NETWATCH_CAPTURE_BUFFER_MB * 1024 * 1024,
    promiscuous: env.NETWATCH_CAPTURE_PROMISC,
    ...(env.NETWATCH_CAPTURE_FILTER ? { filter: env.NETWATCH_CAPTURE_FILTER } : {}),
  }));
  try {
    return openLiveCaptures(options);
  } catch (error) {
    if (!(error instanceof LiveCaptureError)) throw error;
    const variable = variableOf[error.code];
    if (variable !== undefined) {
      throw new NetwatchError('config_invalid', `${variable}: ${error.message}`, { cause: error,
        details: { variable } });
    }
    if (error.code === 'permission_denied') {
      throw new NetwatchError('unauthorized', `${error.message} (grant CAP_NET_RAW and CAP_NET_ADMIN, e.g. ` +
        'setcap cap_net_raw,cap_net_admin=eip $(which node), or run the container with cap_add)', { cause: error });
    }
    throw new NetwatchError('internal', error.message, { cause: error });
  }
}
