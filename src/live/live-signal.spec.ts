import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  eventFrame,
  type LeadSignal,
  liveEventOf,
  mayHear,
  parseLeadSignal,
  reconnectDelayMs,
  retryFrame,
} from './live-signal.js';

const LEAD = '6f1c2b0e-8d3a-4c51-9a7e-0b2d4e6f8a10';
const MINE = '1a2b3c4d-5e6f-4a1b-8c2d-3e4f5a6b7c8d';
const THEIRS = '9f8e7d6c-5b4a-4f3e-8d2c-1b0a9f8e7d6c';

const payload = (fields: Record<string, unknown>) =>
  JSON.stringify({
    kind: 'created',
    leadId: LEAD,
    urgency: 'crisis',
    assignedClinicianId: null,
    ...fields,
  });

describe('the lead table’s signal', () => {
  it('is read into a typed signal', () => {
    expect(parseLeadSignal(payload({}))).toEqual({
      type: 'lead.created',
      leadId: LEAD,
      urgency: 'crisis',
      assignedClinicianId: null,
    });
    expect(parseLeadSignal(payload({ kind: 'changed', assignedClinicianId: MINE }))).toEqual({
      type: 'lead.changed',
      leadId: LEAD,
      urgency: 'crisis',
      assignedClinicianId: MINE,
    });
  });

  it('anything else is not a signal', () => {
    for (const bad of [
      undefined,
      '',
      'not json',
      'null',
      '42',
      payload({ kind: 'erased' }),
      payload({ leadId: 'x' }),
      payload({ urgency: 'urgent' }),
      payload({ assignedClinicianId: 'someone' }),
      payload({ assignedClinicianId: undefined }),
    ]) {
      expect(parseLeadSignal(bad)).toBeNull();
    }
  });

  it('never throws, whatever arrives', () => {
    fc.assert(fc.property(fc.string(), (text) => void parseLeadSignal(text)));
    fc.assert(fc.property(fc.json(), (text) => void parseLeadSignal(text)));
  });
});

describe('who may hear of a lead', () => {
  const signal = (assignedClinicianId: string | null): LeadSignal => ({
    type: 'lead.changed',
    leadId: LEAD,
    urgency: 'routine',
    assignedClinicianId,
  });

  it('admins and coordinators hear of every lead', () => {
    for (const role of ['admin', 'coordinator'] as const) {
      for (const assigned of [null, MINE, THEIRS]) {
        expect(mayHear({ role, clinicianId: null }, signal(assigned))).toBe(true);
      }
    }
  });

  it('a clinician hears only of leads assigned to their own profile', () => {
    const clinician = { role: 'clinician', clinicianId: MINE } as const;
    expect(mayHear(clinician, signal(MINE))).toBe(true);
    expect(mayHear(clinician, signal(THEIRS))).toBe(false);
    expect(mayHear(clinician, signal(null))).toBe(false);
  });

  it('a clinician without a profile hears of nothing, not of the unassigned leads', () => {
    expect(mayHear({ role: 'clinician', clinicianId: null }, signal(null))).toBe(false);
  });
});

describe('what a stream sends', () => {
  it('an event holds the type, the lead id and the urgency: not who it is assigned to', () => {
    const event = liveEventOf({
      type: 'lead.created',
      leadId: LEAD,
      urgency: 'high',
      assignedClinicianId: MINE,
    });
    expect(event).toEqual({ type: 'lead.created', leadId: LEAD, urgency: 'high' });
    expect(eventFrame(event)).toBe(
      `data: {"type":"lead.created","leadId":"${LEAD}","urgency":"high"}\n\n`,
    );
  });

  it('opens with how long to wait before reconnecting', () => {
    expect(retryFrame(5000)).toBe('retry: 5000\n\n');
  });
});

describe('reconnecting after the database went away', () => {
  it('waits 1 s, then twice as long each time, at most 30 s', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 50].map(reconnectDelayMs)).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000,
    ]);
  });
});
