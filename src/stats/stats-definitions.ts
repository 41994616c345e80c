/**
 * What the numbers of `GET /v1/admin/stats` mean, and the range they cover. No framework
 * code here; the SQL in stats.service.ts computes exactly these definitions.
 */

export const DEFAULT_RANGE_DAYS = 30;
export const MAX_RANGE_DAYS = 366;
const DAY_MS = 86_400_000;

export interface StatsRange {
  from: Date;
  to: Date;
}

export interface RangeError {
  field: 'from' | 'to';
  message: string;
}

/**
 * The half-open range [from, to) of creation times: `to` defaults to now, `from` to 30 days
 * before `to`. `to` must come after `from`, by at most 366 days.
 */
export function statsRange(
  now: Date,
  given: { from?: string; to?: string },
): StatsRange | RangeError[] {
  const to = given.to ? new Date(given.to) : now;
  const from = given.from
    ? new Date(given.from)
    : new Date(to.getTime() - DEFAULT_RANGE_DAYS * DAY_MS);
  // Without `to`, a bad range is the fault of `from`: name the field to fix.
  const field = given.to ? 'to' : 'from';
  if (to.getTime() <= from.getTime()) {
    return [
      given.to
        ? { field, message: 'must be after from' }
        : { field, message: 'must be in the past when to is not given' },
    ];
  }
  if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY_MS) {
    return [
      given.to
        ? { field, message: `must be at most ${MAX_RANGE_DAYS} days after from` }
        : { field, message: `must be at most ${MAX_RANGE_DAYS} days ago when to is not given` },
    ];
  }
  return { from, to };
}

/** part / whole to four decimals; null when there is nothing to divide by. */
export function shareOf(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  return Math.round((part / whole) * 10_000) / 10_000;
}

/** Minutes to one decimal (6 seconds); null stays null. */
export function roundedMinutes(minutes: number | null): number | null {
  return minutes === null ? null : Math.round(minutes * 10) / 10;
}

/** A count for every known key, 0 where no row says otherwise, in the keys' order. */
export function countsFor<K extends string>(
  keys: readonly K[],
  rows: readonly { key: string; count: number }[],
): Record<K, number> {
  const counts = Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
  for (const row of rows) {
    if ((keys as readonly string[]).includes(row.key)) counts[row.key as K] += row.count;
  }
  return counts;
}

/** Sources, most frequent first, then by name: a stable order for a dashboard. */
export function sourcesByCount(
  rows: readonly { key: string; count: number }[],
): { source: string; count: number }[] {
  return rows
    .map((row) => ({ source: row.key, count: row.count }))
    .sort((a, b) => b.count - a.count || (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
}

/**
 * Words for the OpenAPI document and README: what each figure counts. The lead set is
 * every lead created in [from, to) that was not merged into another lead.
 */
export const DEFINITIONS = {
  leadSet: 'leads created in [from, to), not merged into another lead',
  bySource:
    "The leads of the range per source, most first: a lead's source is its first " +
    "submission's utmSource, else its referralSource, else the referrer's host name, else " +
    "`direct` (the same key as the breakdown by source and the list's `source` filter); " +
    '`unknown` for erased leads, whose source was erased with them.',
  medianTimeToFirstContactMinutes:
    'Median of (firstContactedAt − createdAt) in minutes over the leads of the range that ' +
    'have been contacted (percentile_cont 0.5); null when none has.',
  medianMinutesToFirstAttempt:
    'Median of (firstAttemptAt − createdAt) in minutes over the leads of the range with a ' +
    'contact attempt (percentile_cont 0.5); null when none has one. Leads contacted before ' +
    'attempts were logged count their first contact as their first attempt.',
  medianMinutesToFirstConnection:
    'Median of (firstConnectedAt − createdAt) in minutes over the leads of the range that an ' +
    'attempt reached (outcome connected); null when none was.',
  contactedWithinTargetShare:
    'Contacted within target ÷ leads whose outcome is known. Counted: non-spam leads with a ' +
    'response target (respondBy) that had a contact attempt, or whose target has passed ' +
    'without one. Within target: firstAttemptAt ≤ respondBy (the first attempt stops the ' +
    'response clock). Leads still before their target and not yet tried are left out until ' +
    'they are decided. Null when none is counted.',
  conversionRate: 'Leads in status converted ÷ leads not in status spam; null when there are none.',
  overdueNow:
    'Leads of the range that are open (not spam or closed, merged or erased), have no contact ' +
    'attempt and whose respondBy has passed.',
  consultationsBooked:
    'Leads of the range with a consultation booked and not cancelled (by staff or online).',
  medianHoursToBookedConsultation:
    'Median of (first live consultation booked − createdAt) in hours, one decimal, over the ' +
    'leads of the range that have one (percentile_cont 0.5); null when none has.',
} as const;

/** What `GET /v1/admin/stats/breakdown` may group leads by. */
export const BREAKDOWN_DIMENSIONS = [
  'source',
  'serviceType',
  'language',
  'preferredContact',
  'state',
] as const;
export type BreakdownDimension = (typeof BREAKDOWN_DIMENSIONS)[number];

/**
 * A lead's source as both figures count it: the stored source of the vocabulary's
 * `leadSource` (utmSource, else referralSource, else the referrer's host, else `direct`).
 * An erased lead's source was erased with it: `unknown` (the breakdown leaves those out).
 */
export const SOURCE_KEY_SQL = `coalesce(lead.attributed_source, 'unknown')`;

/** The SQL key of each dimension, on table `lead`. A lead with no state groups under `unknown`. */
export const BREAKDOWN_KEY_SQL: Record<BreakdownDimension, string> = {
  source: SOURCE_KEY_SQL,
  serviceType: 'lead.service_type',
  language: 'lead.language',
  preferredContact: 'lead.preferred_contact',
  state: `coalesce(lead.state, 'unknown')`,
};

/** One group of a breakdown, as its SQL row gives it. */
export interface BreakdownRow {
  key: string;
  leads: number;
  contacted: number;
  contacted_within_target: number;
  median_minutes: number | string | null;
  converted: number;
  booked: number;
}

/** Most leads first, then by key: a stable order for a chart. */
export function breakdownGroups(rows: readonly BreakdownRow[]) {
  return rows
    .map((row) => ({
      key: row.key,
      leads: row.leads,
      contacted: row.contacted,
      contactedWithinTarget: row.contacted_within_target,
      medianMinutesToFirstContact: roundedMinutes(
        row.median_minutes === null ? null : Number(row.median_minutes),
      ),
      consultationsBooked: row.booked,
      converted: row.converted,
    }))
    .sort((a, b) => b.leads - a.leads || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

export const BREAKDOWN_DEFINITIONS = {
  leadSet:
    'leads created in [from, to), not spam, not erased, not merged into another lead, grouped by `by`',
  contacted: 'Leads of the group with a first contact attempt.',
  contactedWithinTarget:
    'Leads of the group with a response target (respondBy) whose first attempt was at or before it.',
  medianMinutesToFirstContact:
    'Median of (firstAttemptAt − createdAt) in minutes over the leads of the group with an attempt; null when none has one.',
  consultationsBooked:
    'Leads of the group with a consultation booked and not cancelled (by staff or online).',
  converted: 'Leads of the group in status converted.',
} as const;
