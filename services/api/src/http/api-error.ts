// The API's errors: a snake_case code with its HTTP status, in one table, and the JSON body every error has.
import type { ServerResponse } from 'node:http';
import { httpStatusFor, NetwatchError } from '@netwatch/kit';

/** Every error code the API answers with, and its status (the one place codes map to statuses). */
export const apiErrorStatus = {
  invalid_query: 400,
  invalid_body: 400,
  auth_disabled: 400,
  unauthenticated: 401,
  not_found: 404,
  method_not_allowed: 405,
  body_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  too_many_clients: 503,
} as const;

export type ApiErrorCode = keyof typeof apiErrorStatus;

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }

  get status(): number {
    return apiErrorStatus[this.code];
  }
}

/** Any thrown value as an ApiError: body-parser failures by their type, NetwatchErrors by their code. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const type = (error as { type?: unknown } | null)?.type;
  if (type === 'entity.parse.failed') return new ApiError('invalid_body', 'the body is not valid JSON');
  if (type === 'entity.too.large') return new ApiError('body_too_large', 'the body is too large');
  if (error instanceof NetwatchError) {
    const status = httpStatusFor(error);
    if (status === 404) return new ApiError('not_found', error.message);
    if (status === 401) return new ApiError('unauthenticated', error.message);
  }
  return new ApiError('internal', 'internal error');
}

export function sendError(res: ServerResponse, error: ApiError): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.statusCode = error.status;
  for (const [name, value] of Object.entries(error.headers)) res.setHeader(name, value);
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('cache-control', 'no-store');
  res.end(JSON.stringify({ error: { code: error.code, message: error.message } }));
}
