import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import {
  type AvailabilityRules,
  WEEKDAYS,
  defaultRules,
  openSlots,
  ruleErrors,
} from './availability.js';

const NEW_YORK = 'America/New_York';

const rules = (change: Partial<AvailabilityRules> = {}): AvailabilityRules => ({
  ...defaultRules(NEW_YORK),
  minNoticeHours: 0,
  maxDaysAhead: 21,
  ...change,
});

/** Each slot as local wall time "YYYY-MM-DD HH:mm" in `zone`. */
const local = (slots: { start: Date }[], zone = NEW_YORK) =>
  slots.map((slot) => DateTime.fromJSDate(slot.start, { zone }).toFormat('yyyy-LL-dd HH:mm'));

describe('openSlots', () => {
  it('cuts a window into slots with the buffer between them', () => {
    const slots = openSlots(
      rules({
        slotMinutes: 20,
        bufferMinutes: 10,
        weekly: [{ day: 'mon', start: '09:00', end: '10:10' }],
        maxDaysAhead: 7,
      }),
      { now: new Date('2026-12-06T12:00:00Z') }, // a Sunday
    );
    // 10:00–10:20 would end after the window.
    expect(local(slots)).toEqual(['2026-12-07 09:00', '2026-12-07 09:30']);
    expect(slots.map((slot) => (slot.end.getTime() - slot.start.getTime()) / 60_000)).toEqual([
      20, 20,
    ]);
  });

  it('keeps a 09:00 slot at 09:00 local across the spring change (US, March)', () => {
    // 2027-03-14: clocks go from 02:00 EST to 03:00 EDT.
    const slots = openSlots(
      rules({ slotMinutes: 30, weekly: [{ day: 'mon', start: '09:00', end: '09:30' }] }),
      { now: new Date('2027-03-07T12:00:00Z') },
    );
    expect(local(slots)).toEqual(['2027-03-08 09:00', '2027-03-15 09:00', '2027-03-22 09:00']);
    expect(slots.map((slot) => slot.start.toISOString())).toEqual([
      '2027-03-08T14:00:00.000Z',
      '2027-03-15T13:00:00.000Z',
      '2027-03-22T13:00:00.000Z',
    ]);
  });

  it('keeps a 09:00 slot at 09:00 local across the autumn change (US, November)', () => {
    // 2026-11-01: clocks go from 02:00 EDT back to 01:00 EST.
    const slots = openSlots(
      rules({ slotMinutes: 30, weekly: [{ day: 'mon', start: '09:00', end: '09:30' }] }),
      { now: new Date('2026-10-25T12:00:00Z') },
    );
    expect(local(slots)).toEqual(['2026-10-26 09:00', '2026-11-02 09:00', '2026-11-09 09:00']);
    expect(slots.map((slot) => slot.start.toISOString())).toEqual([
      '2026-10-26T13:00:00.000Z',
      '2026-11-02T14:00:00.000Z',
      '2026-11-09T14:00:00.000Z',
    ]);
  });

  it('offers the repeated hour of the autumn change at its wall-clock times, twice', () => {
    // 2027-11-07 (a Sunday): 01:00–02:00 happens twice, first EDT, then EST. A real-time grid
    // from 01:30 EDT to 02:00 EST used to offer 01:00, 01:10 and 01:20 EST, before the window.
    const slots = openSlots(
      rules({
        slotMinutes: 10,
        bufferMinutes: 0,
        weekly: [{ day: 'sun', start: '01:30', end: '02:00' }],
      }),
      { now: new Date('2027-10-23T06:00:00Z') },
    );
    const fallBack = slots.filter((slot) => slot.start.toISOString().startsWith('2027-11-07'));
    expect(fallBack.map((slot) => slot.start.toISOString())).toEqual([
      '2027-11-07T05:30:00.000Z',
      '2027-11-07T05:40:00.000Z',
      '2027-11-07T05:50:00.000Z',
      '2027-11-07T06:30:00.000Z',
      '2027-11-07T06:40:00.000Z',
      '2027-11-07T06:50:00.000Z',
    ]);
    expect(local(fallBack).map((time) => time.slice(11))).toEqual([
      '01:30',
      '01:40',
      '01:50',
      '01:30',
      '01:40',
      '01:50',
    ]);
  });

  it('offers nothing the spring change skips, nor past the window’s end by the clock', () => {
    // 2027-03-14 (a Sunday): 02:00 EST becomes 03:00 EDT, so 02:00–02:59 never happens.
    // "Until 02:30" ends at the change; a real-time grid to 02:30 moved forward (03:30 EDT)
    // used to offer 03:00 and 03:10 EDT too, and a 01:30 hour ending at 03:30 by the clock.
    const shorts = openSlots(
      rules({
        slotMinutes: 10,
        bufferMinutes: 0,
        maxDaysAhead: 7,
        weekly: [{ day: 'sun', start: '01:30', end: '02:30' }],
      }),
      { now: new Date('2027-03-13T12:00:00Z') },
    );
    expect(local(shorts)).toEqual(['2027-03-14 01:30', '2027-03-14 01:40', '2027-03-14 01:50']);
    const hour = openSlots(
      rules({
        slotMinutes: 60,
        bufferMinutes: 0,
        maxDaysAhead: 7,
        weekly: [{ day: 'sun', start: '01:30', end: '02:30' }],
      }),
      { now: new Date('2027-03-13T12:00:00Z') },
    );
    expect(local(hour)).toEqual([]);
  });

  it('reads the hours in the clinician’s zone, not the server’s', () => {
    const slots = openSlots(
      rules({
        timeZone: 'America/Los_Angeles',
        slotMinutes: 30,
        weekly: [{ day: 'tue', start: '09:00', end: '09:30' }],
        maxDaysAhead: 7,
      }),
      { now: new Date('2026-12-06T12:00:00Z') },
    );
    expect(slots.map((slot) => slot.start.toISOString())).toEqual(['2026-12-08T17:00:00.000Z']);
  });

  it('offers nothing sooner than the notice or beyond the horizon', () => {
    const weekly = WEEKDAYS.map((day) => ({ day, start: '09:00', end: '10:00' }));
    const now = new Date('2026-12-07T13:30:00Z'); // Monday 08:30 in New York
    const slots = openSlots(
      rules({ slotMinutes: 60, bufferMinutes: 0, minNoticeHours: 24, maxDaysAhead: 3, weekly }),
      { now },
    );
    // Monday 09:00 is 30 minutes away, Tuesday 09:00 is 24.5 h away, Thursday 09:00 is
    // 72.5 h away: beyond 3 days.
    expect(local(slots)).toEqual(['2026-12-08 09:00', '2026-12-09 09:00']);
  });

  it('takes a date off, or gives a date other hours, by exception', () => {
    const slots = openSlots(
      rules({
        slotMinutes: 60,
        bufferMinutes: 0,
        maxDaysAhead: 14,
        weekly: [{ day: 'thu', start: '09:00', end: '10:00' }],
        exceptions: [
          { date: '2026-12-24', available: false },
          { date: '2026-12-26', available: true, start: '13:00', end: '14:00' },
        ],
      }),
      { now: new Date('2026-12-14T12:00:00Z') },
    );
    expect(local(slots)).toEqual(['2026-12-17 09:00', '2026-12-26 13:00']);
  });

  it('leaves out slots a booked consultation or its buffer covers', () => {
    const weekly = [{ day: 'mon' as const, start: '09:00', end: '11:00' }];
    const now = new Date('2026-12-06T12:00:00Z');
    const all = openSlots(rules({ slotMinutes: 20, bufferMinutes: 10, weekly, maxDaysAhead: 7 }), {
      now,
    });
    expect(local(all)).toEqual([
      '2026-12-07 09:00',
      '2026-12-07 09:30',
      '2026-12-07 10:00',
      '2026-12-07 10:30',
    ]);
    // Booked 09:35–09:55 by hand: 09:30 overlaps, 10:00 starts within the 10-minute buffer.
    const busy = [
      { start: new Date('2026-12-07T14:35:00Z'), end: new Date('2026-12-07T14:55:00Z') },
    ];
    const free = openSlots(rules({ slotMinutes: 20, bufferMinutes: 10, weekly, maxDaysAhead: 7 }), {
      now,
      busy,
    });
    expect(local(free)).toEqual(['2026-12-07 09:00', '2026-12-07 10:30']);
  });

  it('offers nothing in an unknown zone', () => {
    expect(
      openSlots(
        rules({ timeZone: 'Mars/Olympus', weekly: [{ day: 'mon', start: '09:00', end: '12:00' }] }),
        {
          now: new Date('2026-12-06T12:00:00Z'),
        },
      ),
    ).toEqual([]);
  });

  describe('for any rules', () => {
    // The clocks change on a Sunday between 01:00 and 03:00 local in these zones: windows
    // come up on that day and at those hours more often than by chance.
    const time = fc
      .tuple(
        fc.oneof(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 1, max: 3 })),
        fc.constantFrom(0, 15, 30, 45),
      )
      .map(
        ([hour, minute]) => `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`,
      );
    const window = fc
      .tuple(fc.oneof(fc.constantFrom(...WEEKDAYS), fc.constant('sun' as const)), time, time)
      .filter(([, a, b]) => a < b)
      .map(([day, start, end]) => ({ day, start, end }));
    const arbitraryRules = fc.record({
      timeZone: fc.constantFrom(NEW_YORK, 'America/Los_Angeles', 'Europe/Berlin', 'UTC'),
      slotMinutes: fc.integer({ min: 10, max: 120 }),
      bufferMinutes: fc.integer({ min: 0, max: 30 }),
      minNoticeHours: fc.integer({ min: 0, max: 48 }),
      maxDaysAhead: fc.integer({ min: 1, max: 30 }),
      weekly: fc.array(window, { maxLength: 4 }),
      exceptions: fc.constant([]),
    });
    // Any time in two years, or the three days before a change of the clocks in the
    // zones above (US: 2027-03-14 and 2027-11-07; EU: 2027-03-28 and 2027-10-31), so the
    // days with a skipped or repeated hour come up in every run.
    const now = fc.oneof(
      fc.date({
        min: new Date('2026-01-01T00:00:00Z'),
        max: new Date('2028-01-01T00:00:00Z'),
        noInvalidDate: true,
      }),
      fc
        .tuple(
          fc.constantFrom('2027-03-14', '2027-11-07', '2027-03-28', '2027-10-31'),
          fc.integer({ min: 0, max: 3 * 24 * 60 }),
        )
        .map(([day, minutes]) => new Date(Date.parse(`${day}T00:00:00Z`) - minutes * 60_000)),
    );
    const busyInterval = fc
      .tuple(fc.integer({ min: 0, max: 30 * 24 * 60 }), fc.integer({ min: 5, max: 180 }))
      .map(([startMinutes, length]) => ({ startMinutes, length }));

    it('slots are in order, of the slot length, inside notice and horizon, clear of busy time', () => {
      fc.assert(
        fc.property(arbitraryRules, now, fc.array(busyInterval, { maxLength: 5 }), (r, at, raw) => {
          const busy = raw.map(({ startMinutes, length }) => ({
            start: new Date(at.getTime() + startMinutes * 60_000),
            end: new Date(at.getTime() + (startMinutes + length) * 60_000),
          }));
          const slots = openSlots(r, { now: at, busy });
          const buffer = r.bufferMinutes * 60_000;
          slots.forEach((slot, index) => {
            expect(slot.end.getTime() - slot.start.getTime()).toBe(r.slotMinutes * 60_000);
            expect(slot.start.getTime()).toBeGreaterThanOrEqual(
              at.getTime() + r.minNoticeHours * 3_600_000,
            );
            expect(slot.start.getTime()).toBeLessThanOrEqual(
              at.getTime() + r.maxDaysAhead * 86_400_000,
            );
            if (index > 0) {
              expect(slot.start.getTime()).toBeGreaterThanOrEqual(slots[index - 1]!.end.getTime());
            }
            for (const taken of busy) {
              const clear =
                slot.start.getTime() >= taken.end.getTime() + buffer ||
                taken.start.getTime() >= slot.end.getTime() + buffer;
              expect(clear).toBe(true);
            }
          });
        }),
        { numRuns: 150 },
      );
    });

    it('every slot starts and ends by the clock inside one window of its local weekday', () => {
      fc.assert(
        fc.property(arbitraryRules, now, (r, at) => {
          for (const slot of openSlots(r, { now: at })) {
            const start = DateTime.fromJSDate(slot.start, { zone: r.timeZone });
            const lastMinute = DateTime.fromMillis(slot.end.getTime() - 60_000, {
              zone: r.timeZone,
            });
            const day = WEEKDAYS[start.weekday - 1];
            const first = start.toFormat('HH:mm');
            const last = lastMinute.toFormat('HH:mm');
            expect(lastMinute.toISODate()).toBe(start.toISODate());
            expect(
              r.weekly.some(
                (w) => w.day === day && w.start <= first && first < w.end && last < w.end,
              ),
            ).toBe(true);
          }
        }),
        { numRuns: 150 },
      );
    });
  });
});

describe('ruleErrors', () => {
  it('accepts the defaults', () => {
    expect(ruleErrors(defaultRules(NEW_YORK))).toEqual([]);
  });

  it('names each field that is wrong', () => {
    expect(
      ruleErrors(
        rules({
          timeZone: 'Nowhere/Else',
          weekly: [
            { day: 'mon', start: '10:00', end: '09:00' },
            { day: 'tue', start: '09:00', end: '12:00' },
            { day: 'tue', start: '11:00', end: '13:00' },
          ],
          exceptions: [
            { date: '2026-02-30', available: false },
            { date: '2026-12-24', available: false, start: '09:00', end: '10:00' },
            { date: '2026-12-24', available: true, start: '09:00' },
          ],
        }),
      ),
    ).toEqual([
      { field: 'timeZone', message: 'must be an IANA time zone, e.g. America/Chicago' },
      { field: 'weekly.0.end', message: 'must be after start' },
      { field: 'weekly.2.start', message: 'overlaps another window of the same day' },
      { field: 'exceptions.0.date', message: 'must be a date, YYYY-MM-DD' },
      { field: 'exceptions.1.available', message: 'must be true when start and end are given' },
      { field: 'exceptions.2.date', message: 'is listed twice' },
      { field: 'exceptions.2.end', message: 'is required with the other' },
    ]);
  });
});
