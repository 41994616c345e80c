/**
 * A clinician's consultation hours and the open slots they give (docs/api.md#consultations).
 * No framework code here. Hours are wall-clock times in the clinician's own time zone, so a
 * 09:00 slot stays 09:00 local on both sides of a daylight-saving change; the slots
 * themselves are instants.
 */
import { DateTime, IANAZone } from 'luxon';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Every week on `day`, from `start` to `end` (HH:MM, 24-hour, local to the clinician). */
export interface WeeklyWindow {
  readonly day: Weekday;
  readonly start: string;
  readonly end: string;
}

/**
 * One date unlike the weekly hours: `available: false` takes the whole date off; `true`
 * with `start` and `end` gives that date these hours instead of its weekly ones.
 */
export interface DateException {
  readonly date: string;
  readonly available: boolean;
  readonly start?: string;
  readonly end?: string;
}

export interface AvailabilityRules {
  readonly timeZone: string;
  readonly slotMinutes: number;
  /** Free time kept after every slot and around every booked consultation. */
  readonly bufferMinutes: number;
  /** No slot starts sooner than this after now. */
  readonly minNoticeHours: number;
  /** No slot starts later than this many days after now. */
  readonly maxDaysAhead: number;
  readonly weekly: readonly WeeklyWindow[];
  readonly exceptions: readonly DateException[];
}

export interface Interval {
  readonly start: Date;
  readonly end: Date;
}

/** The limits every stored rule keeps (the admin API refuses values outside them). */
export const LIMITS = {
  slotMinutes: { min: 10, max: 240 },
  bufferMinutes: { min: 0, max: 120 },
  minNoticeHours: { min: 0, max: 336 },
  maxDaysAhead: { min: 1, max: 90 },
  weekly: 70,
  exceptions: 366,
} as const;

/** Hours a clinician has before anyone sets them: none, so nothing is offered. */
export function defaultRules(timeZone: string): AvailabilityRules {
  return {
    timeZone,
    slotMinutes: 20,
    bufferMinutes: 10,
    minNoticeHours: 12,
    maxDaysAhead: 21,
    weekly: [],
    exceptions: [],
  };
}

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Minutes after midnight of an HH:MM time, or null when it is not one. */
export function minutesOf(time: string): number | null {
  const match = TIME.exec(time);
  if (!match) return null;
  return Number(match[1]) * 60 + Number(match[2]);
}

export function isTimeZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

export interface RuleError {
  field: string;
  message: string;
}

/**
 * What is wrong with a set of rules beyond its shape (the DTO checks types and ranges):
 * an unknown time zone, a window that ends before it starts, windows of one day that
 * overlap, an invalid or repeated date. Each error names its field.
 */
export function ruleErrors(rules: AvailabilityRules): RuleError[] {
  const errors: RuleError[] = [];
  if (!isTimeZone(rules.timeZone)) {
    errors.push({ field: 'timeZone', message: 'must be an IANA time zone, e.g. America/Chicago' });
  }
  rules.weekly.forEach((window, index) => {
    const start = minutesOf(window.start);
    const end = minutesOf(window.end);
    if (start === null) errors.push({ field: `weekly.${index}.start`, message: 'must be HH:MM' });
    if (end === null) errors.push({ field: `weekly.${index}.end`, message: 'must be HH:MM' });
    if (start !== null && end !== null && end <= start) {
      errors.push({ field: `weekly.${index}.end`, message: 'must be after start' });
    }
    const overlaps = rules.weekly.some((other, otherIndex) => {
      if (otherIndex >= index || other.day !== window.day) return false;
      const otherStart = minutesOf(other.start);
      const otherEnd = minutesOf(other.end);
      if (start === null || end === null || otherStart === null || otherEnd === null) return false;
      return start < otherEnd && otherStart < end;
    });
    if (overlaps) {
      errors.push({
        field: `weekly.${index}.start`,
        message: 'overlaps another window of the same day',
      });
    }
  });
  const seen = new Set<string>();
  rules.exceptions.forEach((exception, index) => {
    const date = DATE.test(exception.date)
      ? DateTime.fromISO(exception.date, { zone: 'utc' })
      : null;
    if (!date?.isValid) {
      errors.push({ field: `exceptions.${index}.date`, message: 'must be a date, YYYY-MM-DD' });
    } else if (seen.has(exception.date)) {
      errors.push({ field: `exceptions.${index}.date`, message: 'is listed twice' });
    }
    seen.add(exception.date);
    const hasStart = exception.start !== undefined;
    const hasEnd = exception.end !== undefined;
    if (hasStart !== hasEnd) {
      errors.push({
        field: `exceptions.${index}.${hasStart ? 'end' : 'start'}`,
        message: 'is required with the other',
      });
    }
    if (!exception.available && (hasStart || hasEnd)) {
      errors.push({
        field: `exceptions.${index}.available`,
        message: 'must be true when start and end are given',
      });
    }
    if (hasStart && hasEnd) {
      const start = minutesOf(exception.start!);
      const end = minutesOf(exception.end!);
      if (start === null) {
        errors.push({ field: `exceptions.${index}.start`, message: 'must be HH:MM' });
      }
      if (end === null) errors.push({ field: `exceptions.${index}.end`, message: 'must be HH:MM' });
      if (start !== null && end !== null && end <= start) {
        errors.push({ field: `exceptions.${index}.end`, message: 'must be after start' });
      }
    }
  });
  return errors;
}

/** The windows (minutes after local midnight) a local date has. */
function windowsOn(rules: AvailabilityRules, date: DateTime): { start: number; end: number }[] {
  const iso = date.toISODate();
  const exception = rules.exceptions.find((one) => one.date === iso);
  if (exception && !exception.available) return [];
  if (exception?.start !== undefined && exception.end !== undefined) {
    const start = minutesOf(exception.start);
    const end = minutesOf(exception.end);
    return start !== null && end !== null && end > start ? [{ start, end }] : [];
  }
  const day = WEEKDAYS[date.weekday - 1];
  return rules.weekly
    .filter((window) => window.day === day)
    .map((window) => ({ start: minutesOf(window.start), end: minutesOf(window.end) }))
    .filter(
      (window): window is { start: number; end: number } =>
        window.start !== null && window.end !== null && window.end > window.start,
    );
}

/** The instant a wall-clock time of a local date is (a time skipped by DST moves forward). */
function at(date: DateTime, minutes: number): DateTime {
  return date.set({
    hour: Math.floor(minutes / 60),
    minute: minutes % 60,
    second: 0,
    millisecond: 0,
  });
}

/**
 * Whether a slot cut on a day the clocks change keeps to its window by the clock: every
 * minute of it reads inside the window. So the repeated hour of an autumn change is offered
 * at both of its readings, a spring change's skipped hour never, and a window ending inside
 * the skipped hour ends at the change. Changes fall on whole minutes, as slots do: a slot
 * whose first and last minute share an offset reads in order, so those two minutes decide;
 * one that spans the change is read minute by minute.
 */
function keepsToClock(
  window: { start: number; end: number },
  start: number,
  end: number,
  zone: string,
): boolean {
  const inside = (local: DateTime): boolean => {
    const minutes = local.hour * 60 + local.minute;
    return window.start <= minutes && minutes < window.end;
  };
  const first = DateTime.fromMillis(start, { zone });
  const last = DateTime.fromMillis(end - 60_000, { zone });
  if (first.offset === last.offset) return inside(first) && inside(last);
  for (let minute = start; minute < end; minute += 60_000) {
    if (!inside(DateTime.fromMillis(minute, { zone }))) return false;
  }
  return true;
}

/**
 * The open slots, in time order: each window cut into `slotMinutes` slots with
 * `bufferMinutes` between them; none sooner than the notice or beyond the horizon; none
 * within `bufferMinutes` of a `busy` interval (a booked consultation). Windows are
 * wall-clock times: on a day the clocks change, a slot is offered only where the clock
 * reads inside its window (keepsToClock).
 */
export function openSlots(
  rules: AvailabilityRules,
  options: { now: Date; busy?: readonly Interval[] },
): Interval[] {
  if (!isTimeZone(rules.timeZone) || rules.slotMinutes <= 0) return [];
  const now = options.now.getTime();
  const earliest = now + rules.minNoticeHours * 3_600_000;
  const horizon = now + rules.maxDaysAhead * 86_400_000;
  const slotMs = rules.slotMinutes * 60_000;
  const bufferMs = Math.max(0, rules.bufferMinutes) * 60_000;
  const busy = options.busy ?? [];
  const slots: Interval[] = [];
  const today = DateTime.fromMillis(now, { zone: rules.timeZone }).startOf('day');
  for (let offset = 0; offset <= rules.maxDaysAhead + 1; offset += 1) {
    const date = today.plus({ days: offset });
    const clocksChange = date.offset !== date.endOf('day').offset;
    for (const window of windowsOn(rules, date)) {
      const windowEnd = at(date, window.end).toMillis();
      for (
        let start = at(date, window.start).toMillis();
        start + slotMs <= windowEnd;
        start += slotMs + bufferMs
      ) {
        const end = start + slotMs;
        if (start < earliest || start > horizon) continue;
        if (clocksChange && !keepsToClock(window, start, end, rules.timeZone)) continue;
        const clashes = busy.some(
          (taken) =>
            start < taken.end.getTime() + bufferMs && taken.start.getTime() < end + bufferMs,
        );
        if (!clashes) slots.push({ start: new Date(start), end: new Date(end) });
      }
    }
  }
  // Stored windows never overlap (ruleErrors); should two, the earlier slot wins.
  const ordered = slots.sort((a, b) => a.start.getTime() - b.start.getTime());
  return ordered.filter(
    (slot, index) => index === 0 || slot.start.getTime() >= ordered[index - 1]!.end.getTime(),
  );
}
