/**
 * The desk's views (src/vocabulary/desk-views.ts) in SQL, over a lead row aliased
 * `alias`: the list's `view=` filter and the counts read these same conditions, so they
 * cannot drift. `:deskViewerUserId` is the caller's staff user id (for `mine`). No
 * framework code here.
 */
import { clockRunningSql, openLeadSql, overdueSql } from '../vocabulary/contact-attempts.js';
import type { DeskView } from '../vocabulary/desk-views.js';

/** The newest intake's status of the lead (the one `awaitingPartner` reads). */
const newestIntakeStatus = (alias: string) =>
  `(SELECT i.status FROM intake i WHERE i.lead_id = ${alias}.id ORDER BY i.received_at DESC, i.id DESC LIMIT 1)`;

export const DESK_VIEW_SQL: Readonly<Record<DeskView, (alias: string) => string>> = {
  needsFirstContact: (alias) => clockRunningSql(alias),
  crisis: (alias) => `(${clockRunningSql(alias)} AND ${alias}.urgency = 'crisis')`,
  overdue: (alias) => overdueSql(alias),
  unassigned: (alias) => `(${openLeadSql(alias)} AND ${alias}.assigned_clinician_id IS NULL)`,
  mine: (alias) =>
    `(${openLeadSql(alias)} AND ${alias}.assigned_clinician_id = ` +
    `(SELECT c.id FROM clinician c WHERE c.user_id = :deskViewerUserId))`,
  awaitingPartner: (alias) =>
    `(${openLeadSql(alias)} AND ${newestIntakeStatus(alias)} = 'awaiting_partner')`,
  heldForReview: (alias) => `(${openLeadSql(alias)} AND ${alias}.needs_review)`,
};

/**
 * The due time `sort=dueAt` orders by: the response target while the clock runs, else
 * a time after every real one (so those leads come last and the keyset stays a timestamp).
 */
export const NO_DUE_TIME = '9999-12-31T23:59:59.000000Z';

export function dueAtSql(alias: string): string {
  return `(CASE WHEN ${clockRunningSql(alias)} AND ${alias}.respond_by IS NOT NULL THEN ${alias}.respond_by ELSE TIMESTAMPTZ '${NO_DUE_TIME}' END)`;
}
