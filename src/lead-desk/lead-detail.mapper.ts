import type { SignatureView } from './lead-signatures.js';
/**
 * One lead's rows, opened → the lead page staff see. No framework code here: the
 * service decrypts, these functions only choose and shape what leaves.
 */
import type { Inquiry } from '../inquiries/inquiry.entity.js';
import type { Intake } from '../intake/intake.entity.js';
import type { PartnerInvitation } from '../intake/partner-invitation.entity.js';
import type { PartnerResponse } from '../intake/partner-response.entity.js';
import type { CoupleResult, RespondentResult } from '../survey/scoring.js';
import { type LeadFlags, leadLabels } from '../vocabulary/lead-labels.js';
import { returningClientMatches } from './returning-client.js';
import type { Partner, ScreenedInquiry } from '../leads/lead-signals.js';
import type { Lead } from '../leads/lead.entity.js';
import { type FlaggedRespondent, type LeadFlagsOf, withCaution } from './lead-flags.js';
import type { ContactAttemptRow, DuplicateRow, NoteRow } from './lead-detail.query.js';
import { isOverdue } from '../vocabulary/contact-attempts.js';
import {
  type ContactAttemptView,
  DUPLICATE_MATCHES,
  type DuplicateView,
  type InquiryView,
  type IntakeView,
  type LeadCoreView,
  type LeadDetailView,
  type NoteView,
  type RespondentView,
  type TimelineEntryView,
} from './lead-detail.view.js';
import { intakeStatusOf } from './lead-list.mapper.js';
import type { PersonRefView } from './lead-summary.view.js';

/** A respondent's data, opened: answers, result and date of birth decrypted by the caller. */
export interface OpenedRespondent {
  answers: Record<string, unknown>;
  result: RespondentResult | null;
  dateOfBirth: string | null;
  flags: LeadFlags;
  /** How crisis was raised: `crisis_now` answered yes, crisis words in free text. */
  crisisAnswer: boolean;
  crisisText: boolean;
}

/** What every lead view carries, erased or not: no personal data. */
export function toLeadCore(
  lead: Lead,
  reference: string | null,
  clinician: PersonRefView | null,
): LeadCoreView {
  return {
    id: lead.id,
    reference,
    status: lead.status,
    urgency: lead.urgency,
    serviceType: lead.serviceType,
    assignedClinician: clinician,
    createdAt: lead.createdAt.toISOString(),
    statusChangedAt: lead.statusChangedAt.toISOString(),
    firstContactedAt: lead.firstContactedAt?.toISOString() ?? null,
    mergedIntoLeadId: lead.mergedIntoLeadId,
    erasedAt: lead.erasedAt?.toISOString() ?? null,
  };
}

/** A contact attempt's row, its note opened by the caller (null: none, or erased). */
export function toContactAttemptView(
  row: ContactAttemptRow,
  note: string | null,
): ContactAttemptView {
  return {
    id: row.id,
    channel: row.channel,
    outcome: row.outcome,
    note,
    at: row.created_at.toISOString(),
    by: { id: row.author_id, name: row.author_name },
  };
}

export function toInquiryView(inquiry: Inquiry, message: string): InquiryView {
  return {
    id: inquiry.id,
    reference: inquiry.reference,
    receivedAt: inquiry.receivedAt.toISOString(),
    name: inquiry.name,
    email: inquiry.email,
    phone: inquiry.phone,
    preferredContact: inquiry.preferredContact,
    serviceType: inquiry.serviceType,
    state: inquiry.state,
    message,
    referralSource: inquiry.referralSource,
    consent: {
      contact: inquiry.consentContact,
      privacyNoticeVersion: inquiry.privacyNoticeVersion,
    },
    spamReason: inquiry.spamReason,
    crisisIndicated: inquiry.crisisIndicated,
  };
}

export function toRespondentView(
  partner: Partner,
  respondent: Intake | PartnerResponse,
  opened: OpenedRespondent,
): RespondentView {
  return {
    partner,
    reference: respondent.reference,
    receivedAt: respondent.receivedAt.toISOString(),
    name: respondent.name,
    email: respondent.email,
    phone: respondent.phone,
    state: respondent.state,
    pronouns: respondent.pronouns,
    dateOfBirth: opened.dateOfBirth,
    answers: opened.answers,
    result: opened.result,
    flags: opened.flags,
    consent: {
      contact: respondent.consentContact,
      privacyNoticeVersion: respondent.privacyNoticeVersion,
    },
  };
}

export function toIntakeView(
  intake: Intake,
  respondents: RespondentView[],
  invitation: PartnerInvitation | undefined,
  coupleResult: CoupleResult | null,
): IntakeView {
  return {
    id: intake.id,
    reference: intake.reference,
    formSlug: intake.formSlug,
    formVersion: intake.formVersion,
    status: intake.status,
    receivedAt: intake.receivedAt.toISOString(),
    completedAt: intake.completedAt?.toISOString() ?? null,
    consentTelehealth: intake.consentTelehealth,
    spamReason: intake.spamReason,
    respondents,
    partnerInvitation: invitation
      ? {
          name: invitation.partnerName,
          email: invitation.partnerEmail,
          invitedAt: invitation.createdAt.toISOString(),
          expiresAt: invitation.expiresAt.toISOString(),
          usedAt: invitation.usedAt?.toISOString() ?? null,
        }
      : null,
    coupleResult,
    flags: {
      safetyConcern: respondents.some((respondent) => respondent.flags.safetyConcern),
      crisis: respondents.some((respondent) => respondent.flags.crisis),
    },
  };
}

/** An inquiry as the signal rules see it: its sender and whether it holds crisis words. */
export function screenedInquiry(inquiry: Inquiry): ScreenedInquiry {
  return {
    contact: { name: inquiry.name, email: inquiry.email, phone: inquiry.phone },
    crisisText: inquiry.crisisIndicated,
  };
}

/** A respondent as the flag rules see it; `partner` is null outside a couple's intake. */
export function flaggedRespondent(
  partner: Partner | null,
  respondent: Intake | PartnerResponse,
  opened: OpenedRespondent,
): FlaggedRespondent {
  return {
    partner,
    contact: { name: respondent.name, email: respondent.email, phone: respondent.phone },
    crisisAnswer: opened.crisisAnswer,
    crisisText: opened.crisisText,
    safetyConcern: opened.flags.safetyConcern,
    crisis: opened.flags.crisis,
  };
}

export function toNoteView(row: NoteRow, body: string): NoteView {
  return {
    id: row.id,
    body,
    author: { id: row.author_id, name: row.author_name },
    createdAt: row.created_at.toISOString(),
  };
}

const MATCHED_BY = { email: 'by_email', phone: 'by_phone', name_state: 'by_name_state' } as const;

export function toDuplicateView(row: DuplicateRow): DuplicateView {
  return {
    id: row.id,
    reference: row.reference,
    status: row.status,
    createdAt: row.created_at.toISOString(),
    matchedOn: DUPLICATE_MATCHES.filter((match) => row[MATCHED_BY[match]]),
  };
}

/** Everything under a live lead, opened and shaped: what the page adds to the core. */
export interface LeadContents {
  inquiries: InquiryView[];
  intakes: IntakeView[];
  notes: NoteView[];
  /** Newest first. */
  contactAttempts: ContactAttemptView[];
  timeline: TimelineEntryView[];
  duplicates: DuplicateView[];
  flags: LeadFlagsOf;
  signatures: SignatureView[];
}

export function toLeadDetail(
  lead: Lead,
  core: LeadCoreView,
  contents: LeadContents,
  now: Date,
): LeadDetailView {
  const returningClient = returningClientMatches(contents.duplicates);
  return {
    ...core,
    name: lead.name,
    email: lead.email,
    phone: lead.phone,
    state: lead.state,
    preferredContact: lead.preferredContact,
    source: lead.attributedSource,
    attribution: lead.attribution,
    language: lead.language,
    tags: lead.tags,
    respondBy: lead.respondBy?.toISOString() ?? null,
    overdue: isOverdue(lead, now),
    firstAttemptAt: lead.firstAttemptAt?.toISOString() ?? null,
    lastAttemptAt: lead.lastAttemptAt?.toISOString() ?? null,
    firstConnectedAt: lead.firstConnectedAt?.toISOString() ?? null,
    attempts: lead.attemptCount,
    lastSubmissionAt: lead.lastSubmissionAt.toISOString(),
    intakeStatus: intakeStatusOf(contents.intakes.at(-1)?.status),
    flags: { ...contents.flags, signals: contents.flags.signals.map(withCaution) },
    labels: leadLabels({ ...contents.flags, returningClient: returningClient.length > 0 }),
    needsReview: lead.needsReview,
    reviewReason: lead.reviewReason,
    inquiries: contents.inquiries,
    intakes: contents.intakes,
    notes: contents.notes,
    contactAttempts: contents.contactAttempts,
    timeline: contents.timeline,
    duplicates: contents.duplicates,
    returningClientMatches: returningClient,

    signatures: contents.signatures,
  };
}
