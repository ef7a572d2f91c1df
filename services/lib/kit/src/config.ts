// Configuration from the environment: parsed once with zod, `NAME_FILE` for secrets, errors name the variable.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { NetwatchError } from './errors.js';

export type Env = Readonly<Record<string, string | undefined>>;

/** Values that mean "nobody set this yet"; a secret holding one is refused. */
const placeholderPattern =
  /^(|changeme|change-me|change_me|replace-?me|secret|password|<.*>|\$\{.*\}|xxx+|todo)$/i;

/** A secret string: required, and never an empty value or a template placeholder. */
export function secret() {
  return z
    .string({ error: 'is required (set it, or NAME_FILE pointing to a file holding it)' })
    .refine((v) => !placeholderPattern.test(v.trim()), {
      error: 'is empty or still a placeholder; set a real secret',
    });
}

/** An integer in a range, from its decimal text. */
export function int(min: number, max: number) {
  return z
    .string()
    .trim()
    .regex(/^-?\d+$/, { error: 'must be a whole number' })
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));
}

export function port() {
  return int(0, 65535);
}

/** true/false in the spellings operators use: 1/0, yes/no, on/off. */
export function bool() {
  return z
    .string()
    .trim()
    .toLowerCase()
    .refine((v) => ['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'].includes(v), {
      error: 'must be true or false',
    })
    .transform((v) => ['1', 'true', 'yes', 'on'].includes(v));
}

/** A comma-separated list; blanks removed. */
export function list() {
  return z.string().transform((v) =>
    v
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s.length > 0),
  );
}

const durationUnits: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** A duration such as `250ms`, `30s`, `5m`, `1h` (a bare number is milliseconds), as milliseconds. */
export function duration() {
  return z
    .string()
    .trim()
    .regex(/^\d+(\.\d+)?(ms|s|m|h)?$/, { error: 'must be a duration like 500ms, 30s, 5m or 1h' })
    .transform((v) => {
      const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(v);
      const amount = Number(match?.[1] ?? '0');
      return Math.round(amount * (durationUnits[match?.[2] ?? 'ms'] ?? 1));
    });
}

/**
 * Resolves `NAME_FILE` indirection (Docker secrets): when `NAME` is unset and `NAME_FILE` names a
 * file, its contents (without the trailing newline) become `NAME`. Setting both is an error.
 */
export function resolveFileVariables(
  keys: readonly string[],
  env: Env,
): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const key of keys) {
    const direct = env[key];
    const file = env[`${key}_FILE`];
    if (file !== undefined && file !== '') {
      if (direct !== undefined && direct !== '') {
        throw new NetwatchError(
          'config_invalid',
          `${key} and ${key}_FILE are both set; set only one`,
          {
            details: { variable: key },
          },
        );
      }
      try {
        out[key] = readFileSync(file, 'utf8').replace(/\r?\n$/, '');
      } catch (cause) {
        throw new NetwatchError('config_invalid', `${key}_FILE: cannot read ${file}`, {
          cause,
          details: { variable: `${key}_FILE` },
        });
      }
    } else {
      // An empty variable means unset, so `.env` lines like `FOO=` take the default.
      out[key] = direct === '' ? undefined : direct;
    }
  }
  return out;
}

/**
 * Parses the environment with a schema whose keys are variable names. On the first bad value it
 * throws a `config_invalid` NetwatchError whose message starts with the variable's name; the
 * runtime prints it and exits 2. Values are never echoed, so a secret cannot leak into a log.
 */
export function loadConfig<S extends z.ZodObject>(schema: S, env: Env = process.env): z.infer<S> {
  const raw = resolveFileVariables(Object.keys(schema.shape), env);
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const variable = String(issue?.path[0] ?? '(environment)');
  const problem =
    issue?.code === 'invalid_type' && raw[variable] === undefined
      ? 'is required'
      : (issue?.message ?? 'is invalid');
  throw new NetwatchError('config_invalid', `${variable}: ${problem}`, {
    details: { variable, problems: result.error.issues.length },
  });
}
