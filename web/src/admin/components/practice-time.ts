/**
 * Times as the desk shows them: relative ("overdue 8 h", "due in 3 h", "2 h ago") with the
 * exact time in the PRACTICE's zone and its label ("Dec 5, 2026, 9:37 AM PST"), whatever
 * zone the browser is in. No React here: tested on its own.
 */

import { LOCALE, t } from '../i18n/t';

const MINUTE = 60_000;

/** A span as people say it: 45 min, 8 h, 2 d (rounded down past an hour, so never early). */
export function spanText(milliseconds: number): string {
  const minutes = Math.floor(Math.abs(milliseconds) / MINUTE);
  if (minutes < 1) return t('shell.span.lessThanMinute');
  if (minutes < 60) return t('shell.span.minutes', { minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return t('shell.span.hours', { hours });
  return t('shell.span.days', { days: Math.floor(hours / 24) });
}

/** "3 h ago", "in 20 min". */
export function relativeText(iso: string, now: number): string {
  const delta = Date.parse(iso) - now;
  return t(delta < 0 ? 'shell.time.ago' : 'shell.time.in', { span: spanText(delta) });
}

/**
 * The response clock of a lead still waiting for its first attempt: "overdue 8 h" past
 * `respondBy`, "due in 3 h" before it; nothing once an attempt stopped the clock.
 */
export function dueText(
  lead: { respondBy: string | null; overdue: boolean; firstAttemptAt?: string | null },
  now: number,
): { text: string; overdue: boolean } | null {
  if (lead.firstAttemptAt || !lead.respondBy) return null;
  const delta = Date.parse(lead.respondBy) - now;
  if (lead.overdue || delta < 0) {
    return { text: t('shell.time.overdue', { span: spanText(delta) }), overdue: true };
  }
  return { text: t('shell.time.due', { span: spanText(delta) }), overdue: false };
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(zone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${zone}|${JSON.stringify(options)}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(LOCALE, { ...options, timeZone: zone });
    formatters.set(key, found);
  }
  return found;
}

/** "Dec 5, 2026, 9:37 AM PST": the exact time in the practice's zone, labelled. */
export function exactText(iso: string, zone: string): string {
  return formatter(zone, {
    month: 'short',
    day: 'numeric',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(new Date(iso));
}

/** "9:37 AM" on the same practice day as `now`, else "Dec 4, 9:37 AM": for "last 9:37 AM". */
export function shortText(iso: string, zone: string, now: number): string {
  const day = formatter(zone, { year: 'numeric', month: 'numeric', day: 'numeric' });
  const time = formatter(zone, { hour: 'numeric', minute: '2-digit' }).format(new Date(iso));
  if (day.format(new Date(iso)) === day.format(new Date(now))) return time;
  return `${formatter(zone, { month: 'short', day: 'numeric' }).format(new Date(iso))}, ${time}`;
}

/** "America/Los_Angeles (PST)": the zone and its current abbreviation, for Settings. */
export function zoneLabel(zone: string, now: number): string {
  const part = formatter(zone, { timeZoneName: 'short' })
    .formatToParts(new Date(now))
    .find((p) => p.type === 'timeZoneName');
  return part ? `${zone} (${part.value})` : zone;
}
