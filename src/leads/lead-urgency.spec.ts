import { describe, expect, it } from '@jest/globals';
import type { ResponseTargets } from '../vocabulary/response-targets.js';
import { type UrgentLead, setUrgency } from './lead-urgency.js';

const TARGETS: ResponseTargets = {
  crisisMinutes: 60,
  highMinutes: 240,
  routineBusinessDays: 1,
  timeZone: 'America/Los_Angeles',
};
// A Tuesday, 09:00 in the practice's time zone.
const CREATED = new Date('2026-03-10T16:00:00Z');
const ROUTINE_DEADLINE = new Date('2026-03-11T16:00:00Z');

function lead(status: UrgentLead['status'], firstAttemptAt: Date | null = null): UrgentLead {
  return {
    status,
    urgency: 'routine',
    respondBy: ROUTINE_DEADLINE,
    createdAt: CREATED,
    firstAttemptAt,
  };
}

describe('setUrgency', () => {
  it('moves the deadline of a lead waiting in new to the target of its new urgency', () => {
    const waiting = lead('new');
    setUrgency(waiting, 'high', TARGETS);
    expect(waiting).toMatchObject({
      urgency: 'high',
      respondBy: new Date('2026-03-10T20:00:00Z'),
    });
  });

  it('counts the deadline from when the lead was created, not from now', () => {
    const waiting = lead('new');
    setUrgency(waiting, 'crisis', TARGETS);
    expect(waiting.respondBy).toEqual(new Date('2026-03-10T17:00:00Z'));
  });

  it('moves the deadline of a lead in review that no one has tried to reach yet', () => {
    const reviewing = lead('in_review');
    setUrgency(reviewing, 'high', TARGETS);
    expect(reviewing.respondBy).toEqual(new Date('2026-03-10T20:00:00Z'));
  });

  it('leaves the deadline of a lead already tried as it was', () => {
    const contacted = lead('contacted', new Date('2026-03-10T16:30:00Z'));
    setUrgency(contacted, 'crisis', TARGETS);
    expect(contacted).toMatchObject({ urgency: 'crisis', respondBy: ROUTINE_DEADLINE });
  });

  it('leaves the deadline of a closed lead as it was', () => {
    const declined = lead('declined');
    setUrgency(declined, 'crisis', TARGETS);
    expect(declined.respondBy).toEqual(ROUTINE_DEADLINE);
  });
});
