import { describe, expect, it } from '@jest/globals';
import { dueText, exactText, relativeText, shortText, spanText, zoneLabel } from './practice-time';

const NOW = Date.parse('2026-12-05T17:37:00Z'); // 9:37 AM in Los Angeles

describe('desk times', () => {
  it('says spans in minutes, hours, then days, never rounding up', () => {
    expect(spanText(20_000)).toBe('less than a minute');
    expect(spanText(45 * 60_000)).toBe('45 min');
    expect(spanText(-(8 * 60 + 59) * 60_000)).toBe('8 h');
    expect(spanText(30 * 3_600_000)).toBe('30 h');
    expect(spanText(50 * 3_600_000)).toBe('2 d');
  });

  it('says a lead overdue or due from its respondBy, and nothing once attempted', () => {
    const respondBy = new Date(NOW - 8 * 3_600_000).toISOString();
    expect(dueText({ respondBy, overdue: true }, NOW)).toEqual({
      text: 'overdue 8 h',
      overdue: true,
    });
    const later = new Date(NOW + 3 * 3_600_000 + 60_000).toISOString();
    expect(dueText({ respondBy: later, overdue: false }, NOW)).toEqual({
      text: 'due in 3 h',
      overdue: false,
    });
    expect(dueText({ respondBy, overdue: true, firstAttemptAt: respondBy }, NOW)).toBeNull();
    expect(dueText({ respondBy: null, overdue: false }, NOW)).toBeNull();
  });

  it('says past and future relative to now', () => {
    expect(relativeText(new Date(NOW - 2 * 3_600_000).toISOString(), NOW)).toBe('2 h ago');
    expect(relativeText(new Date(NOW + 20 * 60_000).toISOString(), NOW)).toBe('in 20 min');
  });

  it("writes exact times in the practice's zone with its label, not the browser's", () => {
    const iso = '2026-12-05T17:37:00Z';
    expect(exactText(iso, 'America/Los_Angeles')).toBe('Dec 5, 2026, 9:37 AM PST');
    expect(exactText(iso, 'America/New_York')).toBe('Dec 5, 2026, 12:37 PM EST');
    expect(shortText(iso, 'America/Los_Angeles', NOW)).toBe('9:37 AM');
    expect(shortText('2026-12-04T17:37:00Z', 'America/Los_Angeles', NOW)).toBe('Dec 4, 9:37 AM');
    expect(zoneLabel('America/Los_Angeles', NOW)).toBe('America/Los_Angeles (PST)');
  });
});
