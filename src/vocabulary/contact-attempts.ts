/**
 * Contact attempts and the response clock (docs/api.md#the-coordinators-desk). No
 * framework code here: the words of an attempt, and when a lead's clock runs.
 */
import { type LeadStatus, OPEN_STATUSES } from './lead-status.js';

export const CONTACT_CHANNELS = ['phone', 'text', 'email'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

/** What staff may log. */
export const LOGGED_OUTCOMES = [
  'connected',
  'voicemail',
  'no_answer',
  'wrong_number',
  'sent',
] as const;
export type LoggedOutcome = (typeof LOGGED_OUTCOMES)[number];

/**
 * What an attempt may say: a logged outcome, or `unspecified` for the attempt the move to
 * `contacted` logs when none was (its channel is null: nobody said how).
 */
export const CONTACT_OUTCOMES = [...LOGGED_OUTCOMES, 'unspecified'] as const;
export type ContactOutcome = (typeof CONTACT_OUTCOMES)[number];

/** Only a conversation counts as reaching the person (time to first connection). */
export function reachesThePerson(outcome: ContactOutcome): boolean {
  return outcome === 'connected';
}

/** The lead facts the response clock reads. */
export interface ClockedLead {
  status: LeadStatus;
  firstAttemptAt: Date | null;
  respondBy: Date | null;
  mergedIntoLeadId?: string | null;
  erasedAt?: Date | null;
}

/** Open: not spam, not closed, not merged away, not erased. */
export function isOpenLead(lead: ClockedLead): boolean {
  return (
    OPEN_STATUSES.includes(lead.status) &&
    !lead.mergedIntoLeadId &&
    (lead.erasedAt ?? null) === null
  );
}

/**
 * The response clock runs from receipt until the first contact attempt; moving a lead to
 * `in_review` does not stop it. A lead that is not open is never waited on.
 */
export function clockRunning(lead: ClockedLead): boolean {
  return isOpenLead(lead) && lead.firstAttemptAt === null;
}

/** Past its response target with the clock still running. */
export function isOverdue(lead: ClockedLead, now: Date): boolean {
  return clockRunning(lead) && lead.respondBy !== null && lead.respondBy.getTime() < now.getTime();
}

const quoted = (values: readonly string[]) => values.map((value) => `'${value}'`).join(', ');

/** `isOpenLead` in SQL, for a lead row aliased `alias`. */
export function openLeadSql(alias: string): string {
  return (
    `(${alias}.status IN (${quoted(OPEN_STATUSES)}) AND ${alias}.merged_into_lead_id IS NULL ` +
    `AND ${alias}.erased_at IS NULL)`
  );
}

/** `clockRunning` in SQL: the queries of the desk, the stats and the metrics share it. */
export function clockRunningSql(alias: string): string {
  return `(${openLeadSql(alias)} AND ${alias}.first_attempt_at IS NULL)`;
}

/** `isOverdue` in SQL, against `now` (an SQL expression: `now()` or a parameter). */
export function overdueSql(alias: string, now = 'now()'): string {
  return `(${clockRunningSql(alias)} AND COALESCE(${alias}.respond_by < ${now}, false))`;
}
