// The one netwatch error type: a code from a fixed list, a message for people, the cause kept.

/** Every failure netwatch reports has one of these codes; exit codes and HTTP statuses derive from it. */
export const errorCodes = [
  'usage', // wrong command line
  'config_invalid', // an environment variable or config file value is wrong
  'input_not_found', // a file the user named does not exist
  'input_unreadable', // a file exists but cannot be read or is not the expected format
  'bus_unavailable', // Kafka (or another backend) cannot be reached
  'schema_invalid', // a message does not match its topic's contract
  'handler_failed', // a consumer's handler kept failing for one message
  'unauthorized',
  'not_found',
  'timeout',
  'internal',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export class NetwatchError extends Error {
  override readonly name = 'NetwatchError';
  readonly code: ErrorCode;
  /** Extra, non-secret facts for logs (variable name, path, topic). */
  readonly details: Readonly<Record<string, unknown>>;

  constructor(
    code: ErrorCode,
    message: string,
    options: { cause?: unknown; details?: Record<string, unknown> } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.details = Object.freeze({ ...(options.details ?? {}) });
  }
}

/** Process exit status per code: 2 for anything the user can fix by changing input, else 1. */
export function exitCodeFor(error: unknown): 1 | 2 {
  if (!(error instanceof NetwatchError)) return 1;
  switch (error.code) {
    case 'usage':
    case 'config_invalid':
    case 'input_not_found':
    case 'input_unreadable':
      return 2;
    default:
      return 1;
  }
}

/** HTTP status per code, for every API that turns an error into a response. */
export function httpStatusFor(error: unknown): number {
  if (!(error instanceof NetwatchError)) return 500;
  switch (error.code) {
    case 'usage':
    case 'config_invalid':
    case 'schema_invalid':
      return 400;
    case 'unauthorized':
      return 401;
    case 'not_found':
    case 'input_not_found':
      return 404;
    case 'input_unreadable':
      return 422;
    case 'bus_unavailable':
      return 503;
    case 'timeout':
      return 504;
    default:
      return 500;
  }
}

/** A short message for any thrown value, for logs and the console. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
