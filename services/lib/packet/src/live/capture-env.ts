// Live capture settings from the environment: interfaces, BPF filter, snaplen, ring buffer, promiscuous mode.
import { bool, int, list } from '@netwatch/kit/config';
import { NetwatchError } from '@netwatch/kit/errors';
import { LiveCaptureError } from './live-capture-error.js';
import { type LiveCaptureGroup, openLiveCaptures } from './live-captures.js';
import type { LiveCaptureOptions } from './live-options.js';
import { z } from 'zod';

export const captureEnvShape = {
  NETWATCH_CAPTURE_INTERFACES: list().pipe(z.array(z.string().regex(/^[\w.:@-]{1,15}$/, 'not an interface name'))
    .min(1, 'name at least one interface, e.g. eth0 or eth0,eth1')),
  NETWATCH_CAPTURE_FILTER: z.string().trim().optional(),
  NETWATCH_CAPTURE_SNAPLEN: int(64, 262_144).default(262_144),
  NETWATCH_CAPTURE_BUFFER_MB: int(2, 4096).default(64),
  NETWATCH_CAPTURE_PROMISC: bool().default(true),
};

export type CaptureEnv = z.infer<z.ZodObject<typeof captureEnvShape>>;

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
export function openCaptureInterfaces(env: CaptureEnv): LiveCaptureGroup {
  const options: LiveCaptureOptions[] = env.NETWATCH_CAPTURE_INTERFACES.map((name, interfaceIndex) => ({
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
