/**
 * A lead's timeline: every submission, partner step, staff change, note and staff email,
 * oldest first. No framework code here; the rows come from LeadDetailQuery.
 */
import type { NoteView, TimelineEntryView } from './lead-detail.view.js';
import type { EmailRow, EventRow } from './lead-detail.query.js';
import type { PersonRefView } from './lead-summary.view.js';

/** A timeline entry before rendering: sorted by `at`, ties kept in the order written. */
export interface Moment {
  at: Date;
  kind: string;
  actor: PersonRefView | null;
  details: Record<string, unknown>;
}

export interface TimelineInquiry {
  id: string;
  reference: string;
  receivedAt: Date;
}

/** One intake's story: its partner's invitation and answer when there are any. */
export interface TimelineIntake {
  id: string;
  reference: string;
  formSlug: string;
  receivedAt: Date;
  completedAt: Date | null;
  invitation?: { createdAt: Date; expiresAt: Date };
  response?: { reference: string; receivedAt: Date };
}

export interface TimelineSources {
  inquiries: readonly TimelineInquiry[];
  intakes: readonly TimelineIntake[];
  events: readonly EventRow[];
  notes: readonly NoteView[];
  emails: readonly EmailRow[];
}

/** Received, awaiting partner, partner invited and answered, complete: as they happened. */
export function intakeMoments(intake: TimelineIntake): Moment[] {
  const about = { intakeId: intake.id };
  const moments: Moment[] = [
    {
      at: intake.receivedAt,
      kind: 'intake_received',
      actor: null,
      details: { ...about, reference: intake.reference, formSlug: intake.formSlug },
    },
  ];
  // A couple's intake waits for partner B; a one-respondent intake is complete as it arrives.
  if (intake.completedAt?.getTime() !== intake.receivedAt.getTime()) {
    moments.push({ at: intake.receivedAt, kind: 'awaiting_partner', actor: null, details: about });
  }
  if (intake.invitation) {
    // Written in the intake's transaction, whose start may precede receivedAt by a hair.
    const at = new Date(
      Math.max(intake.invitation.createdAt.getTime(), intake.receivedAt.getTime()),
    );
    moments.push({
      at,
      kind: 'partner_invited',
      actor: null,
      details: { ...about, expiresAt: intake.invitation.expiresAt.toISOString() },
    });
  }
  if (intake.response) {
    moments.push({
      at: intake.response.receivedAt,
      kind: 'partner_answered',
      actor: null,
      details: { ...about, reference: intake.response.reference },
    });
  }
  if (intake.completedAt) {
    moments.push({ at: intake.completedAt, kind: 'intake_complete', actor: null, details: about });
  }
  return moments;
}

/**
 * Everything that happened to the lead, oldest first. Equal times keep the order
 * inquiries, intakes, lead events, notes, staff emails (and each source's own order).
 */
export function leadTimeline(sources: TimelineSources): TimelineEntryView[] {
  const moments: Moment[] = [
    ...sources.inquiries.map((inquiry) => ({
      at: inquiry.receivedAt,
      kind: 'inquiry_received',
      actor: null,
      details: { inquiryId: inquiry.id, reference: inquiry.reference },
    })),
    ...sources.intakes.flatMap(intakeMoments),
    ...sources.events.map((event) => ({
      at: event.occurred_at,
      kind: event.kind,
      actor: event.actor_id ? { id: event.actor_id, name: event.actor_name ?? '' } : null,
      details: event.details,
    })),
    ...sources.notes.map((note) => ({
      at: new Date(note.createdAt),
      kind: 'note_added',
      actor: note.author,
      details: { noteId: note.id },
    })),
    ...sources.emails.map((email) => ({
      at: email.sent_at ?? email.last_attempt_at ?? email.created_at,
      kind: 'staff_email',
      actor: null,
      details: {
        notificationId: email.id,
        kind: email.kind,
        status: email.status,
        attempts: email.attempts,
      },
    })),
  ];
  // Array.prototype.sort is stable: equal times keep the order written above.
  moments.sort((a, b) => a.at.getTime() - b.at.getTime());
  return moments.map((moment) => ({
    at: moment.at.toISOString(),
    kind: moment.kind,
    actor: moment.actor,
    details: moment.details,
  }));
}
