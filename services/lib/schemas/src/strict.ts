// Strict parsing for producers' tests: the tolerant contract rebuilt to reject unknown keys at any depth.
import { z } from 'zod';

type AnySchema = z.core.$ZodType;
// zod 4 internals: every schema keeps its definition in `_zod.def` and `clone(def)` builds
// a new schema of the same class from a definition (keeping checks and refinements).
type Def = Record<string, unknown> & { type: string };

const cache = new WeakMap<AnySchema, AnySchema>();

/**
 * Returns a copy of `schema` in which every object refuses keys its shape does not name
 * (`z.strictObject` semantics), at any depth: through optional, nullable, nonoptional,
 * default, prefault, catch, readonly, array, tuple, union (incl. discriminated),
 * intersection, record, map, set, pipe and lazy. Objects with a schema-typed catchall
 * other than `unknown` (e.g. `.catchall(z.string())`) keep it; it is deliberate.
 * Records keep their keys: a record's keys are data, not fields.
 */
export function deepStrict<T extends AnySchema>(schema: T): T {
  return strictOf(schema) as T;
}

function strictOf(schema: AnySchema): AnySchema {
  const done = cache.get(schema);
  if (done) return done;
  const def = schema._zod.def as unknown as Def;
  const strict = rebuild(schema, def);
  cache.set(schema, strict);
  return strict;
}

function child(value: unknown): AnySchema {
  return strictOf(value as AnySchema);
}

function clone(schema: AnySchema, def: Def): AnySchema {
  return (schema as z.ZodType).clone(def as unknown as z.ZodType['_zod']['def']);
}

function rebuild(schema: AnySchema, def: Def): AnySchema {
  switch (def.type) {
    case 'object': {
      const shape = def.shape as Record<string, AnySchema>;
      const strictShape: Record<string, AnySchema> = {};
      for (const [key, value] of Object.entries(shape)) strictShape[key] = child(value);
      const catchall = def.catchall as AnySchema | undefined;
      const tolerant = catchall === undefined || catchall._zod.def.type === 'unknown';
      return clone(schema, {
        ...def,
        shape: strictShape,
        catchall: tolerant ? z.never() : child(catchall),
      });
    }
    case 'optional':
    case 'nullable':
    case 'nonoptional':
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
      return clone(schema, { ...def, innerType: child(def.innerType) });
    case 'array':
      return clone(schema, { ...def, element: child(def.element) });
    case 'set':
      return clone(schema, { ...def, valueType: child(def.valueType) });
    case 'tuple':
      return clone(schema, {
        ...def,
        items: (def.items as AnySchema[]).map(child),
        rest: def.rest ? child(def.rest) : def.rest,
      });
    case 'union':
      return clone(schema, { ...def, options: (def.options as AnySchema[]).map(child) });
    case 'intersection':
      return clone(schema, { ...def, left: child(def.left), right: child(def.right) });
    case 'record':
    case 'map':
      return clone(schema, { ...def, valueType: child(def.valueType) });
    case 'pipe':
      return clone(schema, { ...def, in: child(def.in), out: child(def.out) });
    case 'lazy': {
      const getter = def.getter as () => AnySchema;
      return clone(schema, { ...def, getter: () => child(getter()) });
    }
    default:
      // Leaves (string, number, literal, enum, unknown, …) have no keys to police.
      return schema;
  }
}

/** Parses `value` with the strict copy of `schema`; throws a ZodError on any unknown key. */
export function strictParse<T extends AnySchema>(schema: T, value: unknown): z.output<T> {
  return z.parse(deepStrict(schema), value);
}

/** Like `strictParse` but returns zod's safe-parse result instead of throwing. */
export function strictSafeParse<T extends AnySchema>(schema: T, value: unknown) {
  return z.safeParse(deepStrict(schema), value);
}
