// The outcome of one protocol parser: the decoded message, or the named reason it was refused.

/** A parser either returns the message or a short snake_case reason (a Prometheus label value). */
export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

export function parsed<T>(value: T): Parsed<T> {
  return { ok: true, value };
}

export function refused<T>(reason: string): Parsed<T> {
  return { ok: false, reason };
}
