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

  it('counts several business days, a weekend in between not counting', () => {
    const three = { ...targets, routineBusinessDays: 3 };
    // Thursday 10:00 in Los Angeles → Friday, (weekend), Monday, Tuesday.
    expect(responseDeadline(new Date('2026-11-26T18:00:00Z'), 'routine', three).toISOString()).toBe(
      '2026-12-01T18:00:00.000Z',
    );
    // Wednesday → Thursday, Friday, Monday.
    expect(responseDeadline(new Date('2026-11-25T18:00:00Z'), 'routine', three).toISOString()).toBe(
      '2026-11-30T18:00:00.000Z',
    );
  });

  it('gives a lead received on a weekend until the next business day', () => {
    // Saturday 10:00 and Sunday 10:00 in Los Angeles → Monday 10:00.
    for (const receivedAt of ['2026-11-28T18:00:00Z', '2026-11-29T18:00:00Z']) {
      expect(responseDeadline(new Date(receivedAt), 'routine', targets).toISOString()).toBe(
        '2026-11-30T18:00:00.000Z',
      );
    }
  });

  it('reads the weekend in the practice time zone, not in UTC', () => {
    // Thursday 18:00 UTC is Friday 03:00 in Tokyo: a business day later is Monday 03:00 there.
    const tokyo = { ...targets, timeZone: 'Asia/Tokyo' };
    expect(responseDeadline(new Date('2026-11-26T18:00:00Z'), 'routine', tokyo).toISOString()).toBe(
      '2026-11-29T18:00:00.000Z',
    );
    // The same moment in Los Angeles is Thursday 10:00: Friday 10:00.
    expect(
      responseDeadline(new Date('2026-11-26T18:00:00Z'), 'routine', targets).toISOString(),
    ).toBe('2026-11-27T18:00:00.000Z');
  });

  it('follows the targets it is given, not the defaults', () => {
    const at = new Date('2026-11-25T18:00:00Z');
    const practice = { ...targets, crisisMinutes: 30, highMinutes: 60, routineBusinessDays: 2 };
    expect(responseDeadline(at, 'crisis', practice).toISOString()).toBe('2026-11-25T18:30:00.000Z');
    expect(responseDeadline(at, 'high', practice).toISOString()).toBe('2026-11-25T19:00:00.000Z');
    expect(responseDeadline(at, 'routine', practice).toISOString()).toBe(
      '2026-11-27T18:00:00.000Z',
    );
  });

  it('escalates at twice the target for every urgency, weekends included in the span', () => {
    const friday = new Date('2026-11-27T18:00:00Z');
    expect(escalationDeadline(friday, 'high', targets).toISOString()).toBe(
      '2026-11-28T02:00:00.000Z',
    );
    // Friday 10:00 → target Monday 10:00 (72 hours) → escalation 144 hours after receipt.
    expect(escalationDeadline(friday, 'routine', targets).toISOString()).toBe(
      '2026-12-03T18:00:00.000Z',
    );
  });
});
