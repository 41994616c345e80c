import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { USER_ROLES } from '../vocabulary/user-role.js';
import { URGENCIES } from '../vocabulary/urgency.js';
import {
  type StaffMember,
  staffRecipientsForFollowUp,
  staffRecipientsForNewLead,
  staffRecipientsForResponseCheck,
} from './recipients.js';

const admin: StaffMember = { id: 'admin', role: 'admin', active: true };
const coordinator: StaffMember = { id: 'coordinator', role: 'coordinator', active: true };
const clinician: StaffMember = { id: 'clinician', role: 'clinician', active: true };
const gone: StaffMember = { id: 'gone', role: 'coordinator', active: false };
const staff = [admin, coordinator, clinician, gone];

describe('staffRecipientsForNewLead', () => {
  it('tells every active coordinator and admin about an unassigned lead', () => {
    expect(staffRecipientsForNewLead({ urgency: 'routine' }, staff)).toEqual([
      { userId: 'admin', kind: 'staff_new_lead' },
      { userId: 'coordinator', kind: 'staff_new_lead' },
    ]);
  });

  it('tells only the assigned clinician about an assigned lead', () => {
    expect(
      staffRecipientsForNewLead({ urgency: 'high', assignedUserId: 'clinician' }, staff),
    ).toEqual([{ userId: 'clinician', kind: 'staff_new_lead' }]);
  });

  it('alerts every admin to a crisis, even when the lead is assigned', () => {
    expect(
      staffRecipientsForNewLead({ urgency: 'crisis', assignedUserId: 'clinician' }, staff),
    ).toEqual([
      { userId: 'clinician', kind: 'staff_new_lead' },
      { userId: 'admin', kind: 'crisis_alert' },
    ]);
  });

  it('tells coordinators and admins when the assigned account is inactive or unknown', () => {
    const away: StaffMember = { id: 'away', role: 'clinician', active: false };
    for (const assignedUserId of ['away', 'nobody', null]) {
      expect(
        staffRecipientsForNewLead({ urgency: 'routine', assignedUserId }, [...staff, away]),
      ).toEqual([
        { userId: 'admin', kind: 'staff_new_lead' },
        { userId: 'coordinator', kind: 'staff_new_lead' },
      ]);
    }
  });

  it('alerts admins to a crisis instead of the ordinary notice, inactive admins excepted', () => {
    const retired: StaffMember = { id: 'retired', role: 'admin', active: false };
    expect(staffRecipientsForNewLead({ urgency: 'crisis' }, [...staff, retired])).toEqual([
      { userId: 'admin', kind: 'crisis_alert' },
      { userId: 'coordinator', kind: 'staff_new_lead' },
    ]);
  });

  it('alerts nobody to a high urgency beyond the usual notices', () => {
    expect(staffRecipientsForNewLead({ urgency: 'high' }, staff)).toEqual([
      { userId: 'admin', kind: 'staff_new_lead' },
      { userId: 'coordinator', kind: 'staff_new_lead' },
    ]);
  });

  it('never plans anyone twice, nor anyone inactive', () => {
    const member = fc.record({
      id: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
      role: fc.constantFrom(...USER_ROLES),
      active: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(member, { selector: (m) => m.id }),
        fc.constantFrom(...URGENCIES),
        fc.option(fc.constantFrom('a', 'b', 'c', 'x')),
        (members, urgency, assignedUserId) => {
          const planned = staffRecipientsForNewLead({ urgency, assignedUserId }, members);
          const ids = planned.map((plan) => plan.userId);
          expect(new Set(ids).size).toBe(ids.length);
          for (const id of ids) expect(members.find((m) => m.id === id)?.active).toBe(true);
        },
      ),
    );
  });
});

describe('staffRecipientsForResponseCheck', () => {
  it('reminds every active coordinator of an unassigned lead, nobody else', () => {
    expect(staffRecipientsForResponseCheck('reminder', {}, staff)).toEqual(['coordinator']);
  });

  it('reminds only the assigned clinician of an assigned lead', () => {
    expect(
      staffRecipientsForResponseCheck('reminder', { assignedUserId: 'clinician' }, staff),
    ).toEqual(['clinician']);
  });

  it('reminds coordinators when the assigned clinician’s account is inactive or unknown', () => {
    const away: StaffMember = { id: 'away', role: 'clinician', active: false };
    expect(
      staffRecipientsForResponseCheck('reminder', { assignedUserId: 'away' }, [...staff, away]),
    ).toEqual(['coordinator']);
    expect(
      staffRecipientsForResponseCheck('reminder', { assignedUserId: 'nobody' }, staff),
    ).toEqual(['coordinator']);
  });

  it('escalates to every active admin, assigned or not', () => {
    const retired: StaffMember = { id: 'retired', role: 'admin', active: false };
    expect(staffRecipientsForResponseCheck('escalation', {}, [...staff, retired])).toEqual([
      'admin',
    ]);
    expect(
      staffRecipientsForResponseCheck('escalation', { assignedUserId: 'clinician' }, staff),
    ).toEqual(['admin']);
  });
});

describe('staffRecipientsForFollowUp', () => {
  it("tells the assigned clinician's account of a returning person", () => {
    expect(staffRecipientsForFollowUp({ assignedUserId: 'clinician' }, staff)).toEqual([
      'clinician',
    ]);
  });

  it('tells every active coordinator and admin when nobody active is assigned', () => {
    expect(staffRecipientsForFollowUp({}, staff)).toEqual(['admin', 'coordinator']);
    expect(staffRecipientsForFollowUp({ assignedUserId: 'gone' }, staff)).toEqual([
      'admin',
      'coordinator',
    ]);
  });
});
