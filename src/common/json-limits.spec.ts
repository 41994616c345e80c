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

  it('never quotes the body in its answer', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const problem = jsonLimitProblem(value);
        if (problem !== undefined) expect(problem).toMatch(/^must not /);
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
