import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { JSON_LIMITS, jsonLimitProblem } from './json-limits.js';

const nested = (depth: number): unknown => {
  let value: unknown = 'leaf';
  for (let level = 0; level < depth; level++) value = level % 2 ? [value] : { a: value };
  return value;
};

describe('jsonLimitProblem', () => {
  it('accepts a body nested exactly to the limit and refuses one level more', () => {
    expect(jsonLimitProblem(nested(JSON_LIMITS.maxDepth))).toBeUndefined();
    expect(jsonLimitProblem(nested(JSON_LIMITS.maxDepth + 1))).toMatch(/16 levels deep/);
  });

  it('refuses a list or an object over its size limit', () => {
    expect(jsonLimitProblem({ a: Array(500).fill(1) })).toBeUndefined();
    expect(jsonLimitProblem({ a: Array(501).fill(1) })).toMatch(/more than 500 items/);
    const wide = (n: number) =>
      Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i]));
    expect(jsonLimitProblem(wide(200))).toBeUndefined();
    expect(jsonLimitProblem({ inner: wide(201) })).toMatch(/more than 200 fields/);
  });

  it('refuses a NUL character in any value or key', () => {
    expect(jsonLimitProblem({ name: 'Al\u0000ex' })).toMatch(/NUL/);
    expect(jsonLimitProblem({ answers: { ['q\u0000']: 1 } })).toMatch(/NUL/);
    expect(jsonLimitProblem(['ok', ['deep\u0000']])).toMatch(/NUL/);
  });

  it('refuses a lone surrogate in any value or key', () => {
    expect(jsonLimitProblem({ email: '\udfff\ud800' })).toMatch(/well-formed/);
    expect(jsonLimitProblem({ ['\ud800']: 1 })).toMatch(/well-formed/);
    expect(jsonLimitProblem({ ok: '🙂 e\u0301' })).toBeUndefined();
  });

  it('survives a body nested far deeper than any stack', () => {
    expect(jsonLimitProblem(nested(100_000))).toMatch(/levels deep/);
  });

  /** Every answer jsonLimitProblem can give: fixed sentences, so none can quote the body. */
  const ANSWERS = [
    'must not contain NUL characters',
    'must be well-formed Unicode text (no lone surrogates)',
    'must not nest objects and arrays more than 16 levels deep',
    'must not hold a list of more than 500 items',
    'must not hold an object of more than 200 fields',
  ];

  /** A body that breaks one limit, with any JSON beside and inside it. */
  const brokenBody = fc
    .tuple(
      fc.jsonValue({ maxDepth: 3 }),
      fc.string(),
      fc.constantFrom('nul', 'surrogate', 'deep', 'long', 'wide', 'key'),
    )
    .map(([beside, text, limit]) => {
      const broken = {
        nul: () => `${text}\u0000${text}`,
        surrogate: () => `${text}\ud800`,
        deep: () => nested(JSON_LIMITS.maxDepth + 1),
        long: () => Array(JSON_LIMITS.maxArrayLength + 1).fill(text),
        wide: () =>
          Object.fromEntries(
            Array.from({ length: JSON_LIMITS.maxObjectKeys + 1 }, (_, i) => [`${text}${i}`, text]),
          ),
        key: () => ({ [`${text}\u0000`]: beside }),
      }[limit]();
      return { beside, text, broken };
    });

  it('answers every body that breaks a limit with one of its fixed sentences', () => {
    fc.assert(
      fc.property(brokenBody, fc.boolean(), ({ beside, broken }, first) => {
        const body = first ? [broken, beside] : { beside, broken };
        expect(ANSWERS).toContain(jsonLimitProblem(body));
      }),
    );
  });

  it('answers any body with nothing or one of its fixed sentences', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect([undefined, ...ANSWERS]).toContain(jsonLimitProblem(value));
      }),
    );
  });

  it('accepts every small body of ordinary text', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 5 }), (value) => {
        expect(jsonLimitProblem(value)).toBeUndefined();
      }),
    );
  });
});
