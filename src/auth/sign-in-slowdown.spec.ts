import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { delaySeconds, freeFailures, type SlowdownPolicy } from './sign-in-slowdown.js';

const sut: SlowdownPolicy = {
  maxFailures: 5,
  firstDelaySeconds: 15,
  maxDelaySeconds: 900,
  accountMaxFailures: 50,
};

describe('sign-in slowdown', () => {
  it('lets the first failures through at once, then doubles the wait from the first delay', () => {
    const waits = Array.from({ length: 9 }, (_, failures) => delaySeconds(sut, failures, 5));
    expect(waits).toEqual([0, 0, 0, 0, 0, 15, 30, 60, 120]);
  });

  it('never waits longer than the cap, however many failures', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), (failures) => {
        const wait = delaySeconds(sut, failures, 5);
        expect(wait).toBeGreaterThanOrEqual(0);
        expect(wait).toBeLessThanOrEqual(900);
      }),
    );
    expect(delaySeconds(sut, 10_000, 5)).toBe(900);
  });

  it('the wait never shrinks as failures grow', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), (failures) => {
        expect(delaySeconds(sut, failures + 1, 5)).toBeGreaterThanOrEqual(
          delaySeconds(sut, failures, 5),
        );
      }),
    );
  });

  it('gives each client one free failure once the address has failed too often overall', () => {
    expect(freeFailures(sut, 0)).toBe(5);
    expect(freeFailures(sut, 49)).toBe(5);
    expect(freeFailures(sut, 50)).toBe(1);
  });
});
