// Tests for deepStrict/strictParse: unknown keys fail strictly at any depth, pass tolerantly.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { flowEvent } from './events/flow.js';
import { examples } from './examples.js';
import { deepStrict, strictParse, strictSafeParse } from './strict.js';

const inner = z.looseObject({ name: z.string() });
const wrapped = z.looseObject({
  optional: inner.optional(),
  nullable: inner.nullable(),
  list: z.array(inner),
  either: z.union([inner, z.number()]),
  tagged: z.discriminatedUnion('kind', [
    z.looseObject({ kind: z.literal('a'), a: inner }),
    z.looseObject({ kind: z.literal('b') }),
  ]),
  byKey: z.record(z.string(), inner),
  withDefault: inner.default({ name: 'x' }),
  frozen: inner.readonly(),
  checked: inner.refine((v) => v.name !== 'bad', 'name must not be bad'),
});

const valid = {
  optional: { name: 'o' },
  nullable: null,
  list: [{ name: 'l' }],
  either: { name: 'e' },
  tagged: { kind: 'a', a: { name: 't' } },
  byKey: { anyKey: { name: 'r' } },
  frozen: { name: 'f' },
  checked: { name: 'c' },
};

describe('deepStrict', () => {
  it('accepts a value with only known keys, and records keep their data keys', () => {
    assert.doesNotThrow(() => strictParse(wrapped, valid));
  });

  it('rejects an unknown key under every wrapper, which the tolerant schema accepts', () => {
    const paths: [string, (v: typeof valid) => Record<string, unknown>][] = [
      ['top level', (v) => v],
      ['optional', (v) => v.optional],
      ['array element', (v) => v.list[0] ?? {}],
      ['union option', (v) => v.either],
      ['discriminated union', (v) => v.tagged.a],
      ['record value', (v) => v.byKey.anyKey ?? {}],
      ['readonly', (v) => v.frozen],
      ['refined', (v) => v.checked],
    ];
    for (const [where, pick] of paths) {
      const value = structuredClone(valid);
      pick(value).surprise = 1;
      assert.ok(wrapped.safeParse(value).success, `tolerant accepts extra key (${where})`);
      const strict = strictSafeParse(wrapped, value);
      assert.ok(!strict.success, `strict rejects extra key (${where})`);
      assert.match(JSON.stringify(strict.error.issues), /surprise/);
    }
    const nullable = { ...structuredClone(valid), nullable: { name: 'n', surprise: 1 } };
    assert.ok(!strictSafeParse(wrapped, nullable).success, 'nullable');
    const defaulted = { ...structuredClone(valid), withDefault: { name: 'd', surprise: 1 } };
    assert.ok(!strictSafeParse(wrapped, defaulted).success, 'default');
  });

  it('keeps refinements of rebuilt objects', () => {
    const value = { ...structuredClone(valid), checked: { name: 'bad' } };
    assert.ok(!strictSafeParse(wrapped, value).success);
  });

  it('is cached and leaves the tolerant schema untouched', () => {
    assert.equal(deepStrict(flowEvent), deepStrict(flowEvent));
    const event = structuredClone(examples['netwatch.flow.v1']) as Record<string, unknown>;
    (event.netwatch as { flow: { tcp: Record<string, unknown> } }).flow.tcp.sack_blocks = 3;
    const parsed = flowEvent.parse(event) as { netwatch: { flow: { tcp: object } } };
    assert.equal((parsed.netwatch.flow.tcp as { sack_blocks?: number }).sack_blocks, 3);
    assert.throws(() => strictParse(flowEvent, event), /sack_blocks/);
  });
});
