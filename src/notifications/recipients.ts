import type { Urgency } from '../vocabulary/urgency.js';
import type { UserRole } from '../vocabulary/user-role.js';

/** Who hears about a new lead (docs/api.md#mail-to-staff). No framework code here. */
export interface StaffMember {
  id: string;
  role: UserRole;
  active: boolean;
}

export type StaffMessage = 'staff_new_lead' | 'crisis_alert';

export interface PlannedStaffMessage {
  userId: string;
  kind: StaffMessage;
}

/**
 * The assigned clinician if there is one, else every active coordinator and admin; a
 * crisis also reaches every admin, who get the crisis alert instead of the ordinary
 * notice. Nobody is planned twice.
 */
export function staffRecipientsForNewLead(
  lead: { urgency: Urgency; assignedUserId?: string | null },
  staff: readonly StaffMember[],
): PlannedStaffMessage[] {
  const active = staff.filter((member) => member.active);
  const planned = new Map<string, StaffMessage>();
  if (lead.assignedUserId && active.some((member) => member.id === lead.assignedUserId)) {
    planned.set(lead.assignedUserId, 'staff_new_lead');
  } else {
    for (const member of active) {
      if (member.role === 'coordinator' || member.role === 'admin') {
        planned.set(member.id, 'staff_new_lead');
      }
    }
  }
  if (lead.urgency === 'crisis') {
    for (const member of active) {
      if (member.role === 'admin') planned.set(member.id, 'crisis_alert');
    }
  }
  return [...planned].map(([userId, kind]) => ({ userId, kind }));
}

/**
 * Who hears that a returning person wrote again on an open lead (docs/api.md#follow-up-notices):
 * the assigned clinician's account if it is active, else every active coordinator and
 * admin, as for a new lead. A crisis is announced apart (the crisis alert to admins).
 */
export function staffRecipientsForFollowUp(
  lead: { assignedUserId?: string | null },
  staff: readonly StaffMember[],
): string[] {
  return staffRecipientsForNewLead(
    { urgency: 'routine', assignedUserId: lead.assignedUserId },
    staff,
  ).map((planned) => planned.userId);
}

/**
 * Who hears that a lead is still `new` past its response target
 * (docs/api.md#response-time-targets): at the target a reminder to the assigned clinician's
 * account, else to every active coordinator; at twice the target an escalation to every
 * active admin.
 */
export function staffRecipientsForResponseCheck(
  stage: 'reminder' | 'escalation',
  lead: { assignedUserId?: string | null },
  staff: readonly StaffMember[],
): string[] {
  const active = staff.filter((member) => member.active);
  if (stage === 'escalation') {
    return active.filter((member) => member.role === 'admin').map((member) => member.id);
  }
  if (lead.assignedUserId && active.some((member) => member.id === lead.assignedUserId)) {
    return [lead.assignedUserId];
  }
  return active.filter((member) => member.role === 'coordinator').map((member) => member.id);
}
