// LiveCaptureError: the one error type of live capture, with a code from a fixed list and the interface it concerns.

/** Why a live capture could not be opened or went on failing; the fixed list callers may switch on. */
export const LIVE_CAPTURE_ERROR_CODES = [
  /** The native addon is missing or cannot load: run `npm run build`. */
  'not_built',
  /** An option is out of range or of the wrong type. */
  'invalid_option',
  /** No interface of that name (pcap_activate: PCAP_ERROR_NO_SUCH_DEVICE). */
  'no_such_device',
  /** Needs CAP_NET_RAW and CAP_NET_ADMIN, or root (PCAP_ERROR_PERM_DENIED, PCAP_ERROR_PROMISC_PERM_DENIED). */
  'permission_denied',
  /** The interface is down (PCAP_ERROR_IFACE_NOT_UP). */
  'interface_down',
  /** Any other pcap_create/pcap_activate/pcap_setnonblock failure. */
  'open_failed',
  /** The BPF filter does not compile or cannot be installed; the message names the filter. */
  'bad_filter',
  /** Reading packets or statistics failed after opening (the interface went down or away). */
  'capture_failed',
  /** The capture was used after close(). */
  'closed',
  /** start() was called twice. */
  'already_started',
  /** pcap_findalldevs failed. */
  'list_failed',
  /** A Node-API call failed inside the addon (a bug). */
  'internal',
] as const;

export type LiveCaptureErrorCode = (typeof LIVE_CAPTURE_ERROR_CODES)[number];

export class LiveCaptureError extends Error {
  override readonly name = 'LiveCaptureError';
  readonly code: LiveCaptureErrorCode;
  /** The interface concerned, when there is one. */
  readonly interfaceName: string | undefined;

  constructor(code: LiveCaptureErrorCode, interfaceName: string | undefined, message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.code = code;
    this.interfaceName = interfaceName;
  }
}

function isCode(code: unknown): code is LiveCaptureErrorCode {
  return typeof code === 'string' && (LIVE_CAPTURE_ERROR_CODES as readonly string[]).includes(code);
}

/** The addon throws plain Errors with `code` set to one of ours; give them our type, keeping the original as cause. */
export function toLiveCaptureError(err: unknown, interfaceName: string | undefined): LiveCaptureError {
  if (err instanceof LiveCaptureError) return err;
  const code = typeof err === 'object' && err !== null && 'code' in err ? err.code : undefined;
  const message = err instanceof Error ? err.message : String(err);
  return new LiveCaptureError(isCode(code) ? code : 'internal', interfaceName, message, err);
}
