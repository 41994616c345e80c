import { describe, expect, it } from '@jest/globals';
import {
  invalidationOf,
  newLeadsText,
  parseLiveEvent,
  titleWithCount,
  type LiveEvent,
} from './live-events';

const LEAD = '6f1c2b0e-8d3a-4c51-9a7e-0b2d4e6f8a10';
const OTHER = '9f8e7d6c-5b4a-4f3e-8d2c-1b0a9f8e7d6c';
const created: LiveEvent = { type: 'lead.created', leadId: LEAD, urgency: 'crisis' };
const changed: LiveEvent = { type: 'lead.changed', leadId: LEAD, urgency: 'routine' };

describe('a live event', () => {
  it('is read from the message data', () => {
    expect(parseLiveEvent(JSON.stringify(created))).toEqual(created);
  });

  it('anything else is ignored', () => {
    for (const data of [
      undefined,
      42,
      'not json',
      'null',
      JSON.stringify({ ...created, type: 'lead.erased' }),
      JSON.stringify({ ...created, leadId: '' }),
      JSON.stringify({ ...created, urgency: 'urgent' }),
    ]) {
      expect(parseLiveEvent(data)).toBeNull();
    }
  });
});

describe('what an event makes stale', () => {
  it('a new lead: the lists wait for "show", the counts are read again', () => {
    expect(invalidationOf(['leads', 'list', { view: 'crisis' }], created)).toBe('stale');
    expect(invalidationOf(['leads', 'counts'], created)).toBe('refetch');
  });

  it('a change: the lists and counts are read again', () => {
    expect(invalidationOf(['leads', 'list', {}], changed)).toBe('refetch');
    expect(invalidationOf(['leads', 'counts'], changed)).toBe('refetch');
  });

  it('the open page of the changed lead is marked stale, not read again under the reader', () => {
    expect(invalidationOf(['leads', 'one', LEAD], changed)).toBe('stale');
    expect(invalidationOf(['leads', 'matches', LEAD, 'none'], changed)).toBe('stale');
    expect(invalidationOf(['leads', 'one', OTHER], changed)).toBe('keep');
  });

  it('reads about anything but leads are kept', () => {
    expect(invalidationOf(['clinicians', 'active'], changed)).toBe('keep');
    expect(invalidationOf(['users'], created)).toBe('keep');
  });
});

describe('the count of new leads', () => {
  it('stands before the tab title, and leaves it at 0', () => {
    expect(titleWithCount('Inbox · Practice', 2)).toBe('(2) Inbox · Practice');
    expect(titleWithCount('(2) Inbox · Practice', 3)).toBe('(3) Inbox · Practice');
    expect(titleWithCount('(3) Inbox · Practice', 0)).toBe('Inbox · Practice');
  });

  it('is said in words', () => {
    expect(newLeadsText(1)).toBe('1 new lead');
    expect(newLeadsText(4)).toBe('4 new leads');
  });
});
