import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { EmailRow, EventRow } from './lead-detail.query.js';
import type { NoteView } from './lead-detail.view.js';
import { type TimelineIntake, type TimelineSources, leadTimeline } from './lead-timeline.js';

const at = (minute: number) => new Date(Date.UTC(2026, 11, 4, 9, minute));
const none: TimelineSources = { inquiries: [], intakes: [], events: [], notes: [], emails: [] };

function coupleIntake(overrides: Partial<TimelineIntake> = {}): TimelineIntake {
  return {
    id: 'intake-1',
    reference: 'RI-AAAA2222',
    formSlug: 'couples',
    receivedAt: at(10),
    completedAt: at(40),
    invitation: { createdAt: at(10), expiresAt: at(600) },
    response: { reference: 'RI-BBBB3333', receivedAt: at(40) },
    ...overrides,
  };
}

describe('leadTimeline', () => {
  it("tells a couple's intake as received, awaiting partner, invited, answered, complete", () => {
    const kinds = leadTimeline({ ...none, intakes: [coupleIntake()] }).map((entry) => entry.kind);
    expect(kinds).toEqual([
      'intake_received',
      'awaiting_partner',
      'partner_invited',
      'partner_answered',
      'intake_complete',
    ]);
  });

  it('shows no wait for an intake of one person, complete as it arrived', () => {
    const single = coupleIntake({
      formSlug: 'individual',
      completedAt: at(10),
      invitation: undefined,
      response: undefined,
    });
    const kinds = leadTimeline({ ...none, intakes: [single] }).map((entry) => entry.kind);
    expect(kinds).toEqual(['intake_received', 'intake_complete']);
  });

  it('never shows the invitation before the intake it belongs to', () => {
    const early = coupleIntake({ invitation: { createdAt: at(9), expiresAt: at(600) } });
    const invited = leadTimeline({ ...none, intakes: [early] }).find(
      (entry) => entry.kind === 'partner_invited',
    );
    expect(invited?.at).toBe(at(10).toISOString());
  });

  it('dates a staff email by its sending, else its last attempt, else its creation', () => {
    const email = (sent: Date | null, tried: Date | null): EmailRow => ({
      id: `n-${String(sent)}-${String(tried)}`,
      kind: 'staff_new_lead',
      status: 'sent',
      attempts: 1,
      created_at: at(1),
      sent_at: sent,
      last_attempt_at: tried,
    });
    const times = leadTimeline({
      ...none,
      emails: [email(at(5), at(4)), email(null, at(3)), email(null, null)],
    }).map((entry) => entry.at);
    expect(times).toEqual([at(1), at(3), at(5)].map((date) => date.toISOString()));
  });

  it("names the staff member of an event, and keeps a note's body out of the timeline", () => {
    const note: NoteView = {
      id: 'note-1',
      body: 'Spoke to the client about their private situation',
      author: { id: 'u-1', name: 'Casey' },
      createdAt: at(2).toISOString(),
    };
    const event: EventRow = {
      kind: 'status_changed',
      occurred_at: at(1),
      details: { from: 'new', to: 'contacted' },
      actor_id: 'u-1',
      actor_name: 'Casey',
    };
    const timeline = leadTimeline({ ...none, events: [event], notes: [note] });
    expect(timeline).toEqual([
      {
        at: at(1).toISOString(),
        kind: 'status_changed',
        actor: { id: 'u-1', name: 'Casey' },
        details: { from: 'new', to: 'contacted' },
      },
      {
        at: at(2).toISOString(),
        kind: 'note_added',
        actor: { id: 'u-1', name: 'Casey' },
        details: { noteId: 'note-1' },
      },
    ]);
  });
});

// Minutes in a small range, so many entries share a time and ties are exercised.
const minute = fc.integer({ min: 0, max: 20 });
const sourcesArbitrary = fc.record({
  inquiries: fc.array(minute, { maxLength: 4 }),
  intakes: fc.array(
    fc.record({
      received: minute,
      completedAfter: fc.option(fc.integer({ min: 0, max: 5 }), { nil: null }),
      invited: fc.boolean(),
      answered: fc.boolean(),
    }),
    { maxLength: 3 },
  ),
  events: fc.array(minute, { maxLength: 6 }),
  notes: fc.array(minute, { maxLength: 4 }),
  emails: fc.array(minute, { maxLength: 4 }),
});

/** Which source an entry came from, by the order ties keep: inquiries first, emails last. */
const SOURCE_RANK: Record<string, number> = {
  inquiry_received: 0,
  intake_received: 1,
  awaiting_partner: 1,
  partner_invited: 1,
  partner_answered: 1,
  intake_complete: 1,
  note_added: 3,
  staff_email: 4,
};

describe('leadTimeline, for any set of events', () => {
  it('is oldest first, holds every event once, and keeps the written order on ties', () => {
    fc.assert(
      fc.property(sourcesArbitrary, (drawn) => {
        const sources: TimelineSources = {
          inquiries: drawn.inquiries.map((m, i) => ({
            id: `inquiry-${i}`,
            reference: `RI-INQ${i}`,
            receivedAt: at(m),
          })),
          intakes: drawn.intakes.map((intake, i) => ({
            id: `intake-${i}`,
            reference: `RI-INT${i}`,
            formSlug: 'couples',
            receivedAt: at(intake.received),
            completedAt:
              intake.completedAfter === null ? null : at(intake.received + intake.completedAfter),
            invitation: intake.invited
              ? { createdAt: at(intake.received), expiresAt: at(600) }
              : undefined,
            response: intake.answered
              ? { reference: `RI-RSP${i}`, receivedAt: at(intake.received + 1) }
              : undefined,
          })),
          events: drawn.events.map((m, i) => ({
            kind: 'tags_changed',
            occurred_at: at(m),
            details: { eventNo: i },
            actor_id: null,
            actor_name: null,
          })),
          notes: drawn.notes.map((m, i) => ({
            id: `note-${i}`,
            body: `secret body ${i}`,
            author: { id: 'u-1', name: 'Casey' },
            createdAt: at(m).toISOString(),
          })),
          emails: drawn.emails.map((m, i) => ({
            id: `email-${i}`,
            kind: 'staff_new_lead',
            status: 'sent',
            attempts: 1,
            created_at: at(m),
            sent_at: null,
            last_attempt_at: null,
          })),
        };
        const timeline = leadTimeline(sources);

        // Complete: every inquiry, event, note and email once; each intake's steps once.
        const expectedIntakeSteps = sources.intakes.reduce(
          (sum, intake) =>
            sum +
            1 +
            (intake.completedAt?.getTime() !== intake.receivedAt.getTime() ? 1 : 0) +
            (intake.invitation ? 1 : 0) +
            (intake.response ? 1 : 0) +
            (intake.completedAt ? 1 : 0),
          0,
        );
        expect(timeline).toHaveLength(
          sources.inquiries.length +
            sources.events.length +
            sources.notes.length +
            sources.emails.length +
            expectedIntakeSteps,
        );
        const ids = (key: string) =>
          timeline.map((entry) => entry.details[key]).filter((id) => id !== undefined);
        expect(ids('inquiryId')).toHaveLength(sources.inquiries.length);
        expect(new Set(ids('inquiryId')).size).toBe(sources.inquiries.length);
        expect(new Set(ids('noteId')).size).toBe(sources.notes.length);
        expect(new Set(ids('notificationId')).size).toBe(sources.emails.length);
        expect(new Set(ids('eventNo')).size).toBe(sources.events.length);

        // Ordered: oldest first; on a tie, the source order, then each source's own.
        for (let i = 1; i < timeline.length; i++) {
          const before = timeline[i - 1]!;
          const after = timeline[i]!;
          expect(before.at <= after.at).toBe(true);
          if (before.at === after.at) {
            const rank = (kind: string) => SOURCE_RANK[kind] ?? 2;
            expect(rank(before.kind)).toBeLessThanOrEqual(rank(after.kind));
          }
        }
        const eventOrder = timeline
          .filter((entry) => entry.kind === 'tags_changed')
          .map((entry) => [entry.at, entry.details.eventNo as number] as const);
        for (let i = 1; i < eventOrder.length; i++) {
          if (eventOrder[i - 1]![0] === eventOrder[i]![0]) {
            expect(eventOrder[i - 1]![1]).toBeLessThan(eventOrder[i]![1]);
          }
        }

        // Never a note's sealed body.
        expect(JSON.stringify(timeline)).not.toContain('secret body');
      }),
    );
  });
});
