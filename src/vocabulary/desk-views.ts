/**
 * The coordinator's desk: named views of the lead list and their counts
 * (docs/api.md#the-coordinators-desk). No framework code here. These predicates are the
 * definitions; `src/lead-desk/desk-views.sql.ts` says the same in SQL for the list and
 * the counts, which share it, and its tests hold both to these words.
 */
import type { Urgency } from './urgency.js';
import { type ClockedLead, clockRunning, isOpenLead, isOverdue } from './contact-attempts.js';

export const DESK_VIEWS = [
  'needsFirstContact',
  'crisis',
  'overdue',
  'unassigned',
  'mine',
  'awaitingPartner',
  'heldForReview',
] as const;
export type DeskView = (typeof DESK_VIEWS)[number];

/** What the views read of a lead. */
export interface DeskLead extends ClockedLead {
  urgency: Urgency;
  assignedClinicianId: string | null;
  /** The newest intake's status; null without an intake. */
  newestIntakeStatus: string | null;
  needsReview: boolean;
}

export interface DeskViewer {
  /** The caller's clinician profile; null for staff without one. */
  clinicianId: string | null;
  now: Date;
}

/**
 * Whether a lead (one the viewer may see) is in a view. Every view holds open leads only
 * (not spam or closed, not merged away, not erased).
 * - needsFirstContact: no contact attempt yet;
 * - crisis: crisis urgency and no attempt yet (a crisis lead already reached is followed
 *   up like any other: it is no longer an alarm);
 * - overdue: needs first contact and its response target has passed;
 * - unassigned: no clinician assigned;
 * - mine: assigned to the viewer's clinician profile (never, without one);
 * - awaitingPartner: the newest intake waits for partner B;
 * - heldForReview: a submission staff were not told of waits for a person's look.
 */
export function inDeskView(view: DeskView, lead: DeskLead, viewer: DeskViewer): boolean {
  if (!isOpenLead(lead)) return false;
  switch (view) {
    case 'needsFirstContact':
      return clockRunning(lead);
    case 'crisis':
      return lead.urgency === 'crisis' && clockRunning(lead);
    case 'overdue':
      return isOverdue(lead, viewer.now);
    case 'unassigned':
      return lead.assignedClinicianId === null;
    case 'mine':
      return viewer.clinicianId !== null && lead.assignedClinicianId === viewer.clinicianId;
    case 'awaitingPartner':
      return lead.newestIntakeStatus === 'awaiting_partner';
    case 'heldForReview':
      return lead.needsReview;
  }
}

/**
 * The order of `sort=dueAt`: overdue first, then soonest due, crisis first among equal
 * times, then oldest first. Leads whose clock is not running have no due time and come
 * last. Ordering by the due time alone (not by "overdue now") keeps a page boundary
 * stable while time passes: an overdue lead is simply one due earlier than now.
 */
export function dueAtOrder(
  a: DeskLead & { createdAt: Date; id: string },
  b: DeskLead & { createdAt: Date; id: string },
): number {
  const due = (lead: DeskLead) =>
    clockRunning(lead) && lead.respondBy !== null ? lead.respondBy.getTime() : Infinity;
  const rank = (lead: DeskLead) =>
    lead.urgency === 'crisis' ? 2 : lead.urgency === 'high' ? 1 : 0;
  return (
    compare(due(a), due(b)) ||
    compare(rank(b), rank(a)) ||
    compare(a.createdAt.getTime(), b.createdAt.getTime()) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

function compare(a: number, b: number): number {
  return a === b ? 0 : a < b ? -1 : 1;
}
