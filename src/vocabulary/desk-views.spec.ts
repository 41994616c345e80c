import { describe, expect, it } from '@jest/globals';
import { type DeskLead, type DeskView, DESK_VIEWS, dueAtOrder, inDeskView } from './desk-views.js';

const NOW = new Date('2026-12-05T12:00:00.000Z');
const MINE = '0c1f3f5e-9d7a-4d7e-8a39-7f2f4c1b2a90';
const OTHER = '7a0e2b1c-1111-4222-8333-944455556666';

function lead(overrides: Partial<DeskLead> = {}): DeskLead {
  return {
    status: 'new',
    urgency: 'routine',
    firstAttemptAt: null,
    respondBy: new Date('2026-12-06T12:00:00.000Z'),
    assignedClinicianId: null,
    newestIntakeStatus: null,
    needsReview: false,
    mergedIntoLeadId: null,
    erasedAt: null,
    ...overrides,
  };
}

const viewsOf = (of: DeskLead, clinicianId: string | null = MINE): DeskView[] =>
  DESK_VIEWS.filter((view) => inDeskView(view, of, { clinicianId, now: NOW }));

describe('the desk views', () => {
  it('put a fresh unassigned lead in needsFirstContact and unassigned', () => {
    expect(viewsOf(lead())).toEqual(['needsFirstContact', 'unassigned']);
  });

  it('put a crisis lead nobody tried yet in crisis; once tried it is no alarm any more', () => {
    expect(viewsOf(lead({ urgency: 'crisis' }))).toContain('crisis');
    expect(viewsOf(lead({ urgency: 'crisis', firstAttemptAt: NOW }))).not.toContain('crisis');
  });

  it('count a lead in review past its target as overdue, and not once it was tried', () => {
    const late = { status: 'in_review' as const, respondBy: new Date('2026-12-05T11:00:00Z') };
    expect(viewsOf(lead(late))).toEqual(['needsFirstContact', 'overdue', 'unassigned']);
    expect(viewsOf(lead({ ...late, firstAttemptAt: NOW }))).toEqual(['unassigned']);
  });

  it("have mine for the caller's own clinician profile only, never without one", () => {
    expect(viewsOf(lead({ assignedClinicianId: MINE }))).toEqual(['needsFirstContact', 'mine']);
    expect(viewsOf(lead({ assignedClinicianId: OTHER }))).toEqual(['needsFirstContact']);
    expect(viewsOf(lead({ assignedClinicianId: MINE }), null)).toEqual(['needsFirstContact']);
  });

  it('have awaitingPartner and heldForReview', () => {
    expect(viewsOf(lead({ newestIntakeStatus: 'awaiting_partner', firstAttemptAt: NOW }))).toEqual([
      'unassigned',
      'awaitingPartner',
    ]);
    expect(viewsOf(lead({ needsReview: true, firstAttemptAt: NOW }))).toEqual([
      'unassigned',
      'heldForReview',
    ]);
  });

  it('hold no spam, closed, merged or erased lead', () => {
    const busy = {
      urgency: 'crisis' as const,
      respondBy: new Date('2026-12-01T00:00:00Z'),
      needsReview: true,
      newestIntakeStatus: 'awaiting_partner',
    };
    for (const status of [
      'spam',
      'converted',
      'declined',
      'referred_out',
      'closed_no_response',
    ] as const) {
      expect(viewsOf(lead({ ...busy, status }))).toEqual([]);
    }
    expect(viewsOf(lead({ ...busy, mergedIntoLeadId: OTHER }))).toEqual([]);
    expect(viewsOf(lead({ ...busy, erasedAt: NOW }))).toEqual([]);
  });
});

describe('sort=dueAt', () => {
  const at = (iso: string) => new Date(iso);
  const row = (id: string, overrides: Partial<DeskLead>, created = '2026-12-05T08:00:00Z') => ({
    ...lead(overrides),
    id,
    createdAt: at(created),
  });

  it('puts overdue first, then soonest due, crisis first among equals, tried leads last', () => {
    const due = at('2026-12-05T15:00:00Z');
    const leads = [
      row('a', { firstAttemptAt: NOW, urgency: 'crisis' }),
      row('b', { respondBy: due }),
      row('c', { respondBy: due, urgency: 'crisis' }),
      row('d', { respondBy: at('2026-12-05T10:00:00Z') }),
      row('e', { respondBy: due }, '2026-12-05T07:00:00Z'),
      row('f', { status: 'declined', respondBy: at('2026-12-05T09:00:00Z') }),
    ];
    expect([...leads].sort(dueAtOrder).map((entry) => entry.id)).toEqual([
      'd',
      'c',
      'e',
      'b',
      'a',
      'f',
    ]);
  });
});
