import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { canonicalJson, requestHash } from './idempotency.service.js';

describe('request hashing', () => {
  it('ignores key order at every depth', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: 3 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"e":3,"f":2}]},"b":1}',
    );
  });

  it('hashes equal JSON values equally and different ones differently', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        const same = canonicalJson(a) === canonicalJson(b);
        expect(requestHash(a) === requestHash(b)).toBe(same);
        expect(requestHash(JSON.parse(JSON.stringify(a)))).toBe(requestHash(a));
      }),
    );
  });

  it('keeps a parse of its own output equal to the input', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });
});
