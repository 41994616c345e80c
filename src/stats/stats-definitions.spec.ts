import { describe, expect, it } from '@jest/globals';
import { LEAD_STATUSES } from '../vocabulary/lead-status.js';
import {
  breakdownGroups,
  countsFor,
  roundedMinutes,
  shareOf,
  sourcesByCount,
  statsRange,
} from './stats-definitions.js';

const now = new Date('2026-03-31T12:00:00.000Z');
const DAY = 86_400_000;

describe('statsRange', () => {
  it('is the 30 days up to now when neither end is given', () => {
    expect(statsRange(now, {})).toEqual({ from: new Date(now.getTime() - 30 * DAY), to: now });
  });

  it('runs from `from` to now, or the 30 days before `to`', () => {
    expect(statsRange(now, { from: '2026-03-01T00:00:00Z' })).toEqual({
      from: new Date('2026-03-01T00:00:00Z'),
      to: now,
    });
    expect(statsRange(now, { to: '2026-02-01T00:00:00Z' })).toEqual({
      from: new Date('2026-01-02T00:00:00Z'),
      to: new Date('2026-02-01T00:00:00Z'),
    });
  });

  it('refuses a `to` not after `from`', () => {
    const at = '2026-03-01T00:00:00Z';
    expect(statsRange(now, { from: at, to: at })).toEqual([
      { field: 'to', message: 'must be after from' },
    ]);
    expect(statsRange(now, { from: '2026-04-01T00:00:00Z' })).toEqual([
      { field: 'from', message: 'must be in the past when to is not given' },
    ]);
  });

  it('allows 366 days and refuses one millisecond more', () => {
    const from = '2025-01-01T00:00:00.000Z';
    expect(statsRange(now, { from, to: '2026-01-02T00:00:00.000Z' })).not.toBeInstanceOf(Array);
    expect(statsRange(now, { from, to: '2026-01-02T00:00:00.001Z' })).toEqual([
      { field: 'to', message: 'must be at most 366 days after from' },
    ]);
    expect(statsRange(now, { from: '2024-01-01T00:00:00Z' })).toEqual([
      { field: 'from', message: 'must be at most 366 days ago when to is not given' },
    ]);
  });
});

describe('shareOf', () => {
  it('divides to four decimals, and is null with nothing to divide by', () => {
    expect(shareOf(3, 4)).toBe(0.75);
    expect(shareOf(2, 3)).toBe(0.6667);
    expect(shareOf(0, 5)).toBe(0);
    expect(shareOf(0, 0)).toBeNull();
  });
});

describe('roundedMinutes', () => {
  it('keeps a tenth of a minute', () => {
    expect(roundedMinutes(12.345)).toBe(12.3);
    expect(roundedMinutes(null)).toBeNull();
  });
});

describe('countsFor', () => {
  it('has every known key, zero where no row counts it, and ignores unknown keys', () => {
    const counts = countsFor(LEAD_STATUSES, [
      { key: 'new', count: 2 },
      { key: 'spam', count: 1 },
      { key: 'archived', count: 9 },
    ]);
    expect(Object.keys(counts)).toEqual([...LEAD_STATUSES]);
    expect(counts).toMatchObject({ new: 2, spam: 1, converted: 0 });
  });
});

describe('sourcesByCount', () => {
  it('puts the most frequent first, ties by name, and keeps a source named __proto__', () => {
    expect(
      sourcesByCount([
        { key: 'search', count: 2 },
        { key: '__proto__', count: 1 },
        { key: 'blog', count: 2 },
      ]),
    ).toEqual([
      { source: 'blog', count: 2 },
      { source: 'search', count: 2 },
      { source: '__proto__', count: 1 },
    ]);
  });
});

describe('breakdownGroups', () => {
  const row = (key: string, leads: number, median: string | null) => ({
    key,
    leads,
    contacted: 1,
    contacted_within_target: 1,
    median_minutes: median,
    converted: 0,
    booked: leads - 1,
  });

  it('orders by leads, then key, and rounds the median to a tenth of a minute', () => {
    expect(
      breakdownGroups([row('blog', 1, '12.345'), row('ads', 3, null), row('zine', 3, '61.04')]),
    ).toEqual([
      {
        key: 'ads',
        leads: 3,
        contacted: 1,
        contactedWithinTarget: 1,
        medianMinutesToFirstContact: null,
        consultationsBooked: 2,
        converted: 0,
      },
      {
        key: 'zine',
        leads: 3,
        contacted: 1,
        contactedWithinTarget: 1,
        medianMinutesToFirstContact: 61,
        consultationsBooked: 2,
        converted: 0,
      },
      {
        key: 'blog',
        leads: 1,
        contacted: 1,
        contactedWithinTarget: 1,
        medianMinutesToFirstContact: 12.3,
        consultationsBooked: 0,
        converted: 0,
      },
    ]);
  });
});
