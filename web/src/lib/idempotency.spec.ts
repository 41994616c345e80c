import { describe, expect, it } from '@jest/globals';
import { newIdempotencyKey } from './idempotency';

describe('newIdempotencyKey', () => {
  it('is a version 4 UUID', () => {
    expect(newIdempotencyKey()).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('is built from the random bytes it is given', () => {
    expect(newIdempotencyKey((bytes) => bytes.fill(0xff))).toBe(
      'ffffffff-ffff-4fff-bfff-ffffffffffff',
    );
  });

  it('differs every time', () => {
    expect(new Set(Array.from({ length: 50 }, () => newIdempotencyKey())).size).toBe(50);
  });
});
