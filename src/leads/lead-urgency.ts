/**
 * A lead's urgency and the response deadline that follows from it. No framework code
 * here: the services that change a lead (triage, merge) apply it before they store it.
 */
import type { LeadStatus } from '../vocabulary/lead-status.js';
import { clockRunning } from '../vocabulary/contact-attempts.js';
import { type ResponseTargets, responseDeadline } from '../vocabulary/response-targets.js';
import type { Urgency } from '../vocabulary/urgency.js';

export interface UrgentLead {
  status: LeadStatus;
  urgency: Urgency;
  respondBy: Date | null;
  createdAt: Date;
  firstAttemptAt: Date | null;
}

/**
 * Changes the urgency and, while its response clock runs (no contact attempt yet), its
 * response deadline.
 * `targets`: `PracticeSettings.responseTargets(manager)`, read before locking the lead.
 */
export function setUrgency(lead: UrgentLead, urgency: Urgency, targets: ResponseTargets): void {
  lead.urgency = urgency;
  if (clockRunning(lead)) {
    lead.respondBy = responseDeadline(lead.createdAt, urgency, targets);
  }
}
