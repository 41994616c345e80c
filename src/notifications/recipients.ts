import type { Urgency } from '../leads/urgency.js';
import type { UserRole } from '../users/user-role.js';

/** Who hears about a new lead (API.md, Email). No framework code here. */
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
