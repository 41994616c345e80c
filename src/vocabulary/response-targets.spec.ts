import { describe, expect, it } from '@jest/globals';
import { escalationDeadline, responseDeadline } from './response-targets.js';

const targets = {
  crisisMinutes: 15,
  highMinutes: 240,
  routineBusinessDays: 1,
  timeZone: 'America/Los_Angeles',
};

describe('response targets', () => {
  it('gives crisis 15 minutes and high 4 hours by default', () => {
    const at = new Date('2026-11-25T18:00:00Z');
    expect(responseDeadline(at, 'crisis', targets).toISOString()).toBe('2026-11-25T18:15:00.000Z');
    expect(responseDeadline(at, 'high', targets).toISOString()).toBe('2026-11-25T22:00:00.000Z');
  });

  it('gives routine one business day, skipping the weekend in the practice time zone', () => {
    // Wednesday 10:00 in Los Angeles → Thursday.
    expect(
      responseDeadline(new Date('2026-11-25T18:00:00Z'), 'routine', targets).toISOString(),
    ).toBe('2026-11-26T18:00:00.000Z');
    // Friday 10:00 → Monday 10:00.
    expect(
      responseDeadline(new Date('2026-11-27T18:00:00Z'), 'routine', targets).toISOString(),
    ).toBe('2026-11-30T18:00:00.000Z');
    // Friday 20:00 in Los Angeles is already Saturday in UTC: still Monday there.
    expect(
      responseDeadline(new Date('2026-11-28T04:00:00Z'), 'routine', targets).toISOString(),
    ).toBe('2026-12-01T04:00:00.000Z');
  });

  it('escalates at twice the target', () => {
    const at = new Date('2026-11-25T18:00:00Z');
    expect(escalationDeadline(at, 'crisis', targets).toISOString()).toBe(
      '2026-11-25T18:30:00.000Z',
    );
  });
});
