import type { Urgency } from './urgency.js';

/**
 * Response-time targets for leaving `new` (docs/api.md#response-time-targets). No framework
 * code here. Routine counts business days: Saturdays and Sundays in the practice's time
 * zone do not count.
 */
export interface ResponseTargets {
  crisisMinutes: number;
  highMinutes: number;
  routineBusinessDays: number;
  timeZone: string;
}

const DAY_MS = 86_400_000;

/** One weekday formatter per time zone: building one costs far more than using it. */
const weekdayFormats = new Map<string, Intl.DateTimeFormat>();

function isWeekend(at: Date, timeZone: string): boolean {
  let format = weekdayFormats.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', { weekday: 'short', timeZone });
    weekdayFormats.set(timeZone, format);
  }
  const weekday = format.format(at);
  return weekday === 'Sat' || weekday === 'Sun';
}

/** When a lead received at `receivedAt` with this urgency should have left `new`. */
export function responseDeadline(
  receivedAt: Date,
  urgency: Urgency,
  targets: ResponseTargets,
): Date {
  if (urgency === 'crisis') return new Date(receivedAt.getTime() + targets.crisisMinutes * 60_000);
  if (urgency === 'high') return new Date(receivedAt.getTime() + targets.highMinutes * 60_000);
  let at = receivedAt.getTime();
  for (let day = 0; day < targets.routineBusinessDays; day++) {
    at += DAY_MS;
    while (isWeekend(new Date(at), targets.timeZone)) at += DAY_MS;
  }
  return new Date(at);
}

/** Escalation comes at twice the target, measured from receipt. */
export function escalationDeadline(
  receivedAt: Date,
  urgency: Urgency,
  targets: ResponseTargets,
): Date {
  const target = responseDeadline(receivedAt, urgency, targets).getTime() - receivedAt.getTime();
  return new Date(receivedAt.getTime() + 2 * target);
}
