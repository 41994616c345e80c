import { SignatureView } from './lead-signatures.js';
import { LANGUAGES, type Language } from '../vocabulary/languages.js';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { AttachmentStyle, CoupleResult, RespondentResult } from '../survey/scoring.js';
import {
  PREFERRED_CONTACTS,
  type PreferredContact,
  SERVICE_TYPES,
  type ServiceType,
} from '../vocabulary/contact.js';
import type { LeadLabel } from '../vocabulary/lead-labels.js';
import { REVIEW_REASONS, type ReviewReason } from '../leads/lead-review.js';
import { LEAD_STATUSES, type LeadStatus } from '../vocabulary/lead-status.js';
import {
  type Partner,
  SIGNAL_KINDS,
  SIGNAL_SOURCES,
  type SignalKind,
  type SignalSource,
} from '../leads/lead-signals.js';
import { URGENCIES, type Urgency } from '../vocabulary/urgency.js';
import { PARTNER_CAUTION } from './lead-flags.js';
import { LeadLabelsProperty } from './lead-summary.view.js';
import { RETURNING_CLIENT_MATCHES, type ReturningClientMatch } from './returning-client.js';
import {
  FIRST_ATTEMPT_DESCRIPTION,
  OVERDUE_DESCRIPTION,
  PersonRefView,
  SUMMARY_INTAKE_STATUSES,
  type SummaryIntakeStatus,
} from './lead-summary.view.js';
import {
  CONTACT_CHANNELS,
  CONTACT_OUTCOMES,
  type ContactChannel,
  type ContactOutcome,
} from '../vocabulary/contact-attempts.js';

const dateTime = { type: String, format: 'date-time' } as const;
const nullableDateTime = { ...dateTime, nullable: true } as const;
const nullableText = { type: String, nullable: true } as const;
const freeObject = { type: 'object', additionalProperties: true } as const;

export class FlagsView {
  @ApiProperty({ description: 'A respondent reported fear of, or harm from, the partner' })
  safetyConcern!: boolean;
  @ApiProperty({ description: 'A message or answer suggested crisis' }) crisis!: boolean;
}

export class SignalContactView {
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
  @ApiProperty(nullableText) phone!: string | null;
}

export class SignalView {
  @ApiProperty({ enum: SIGNAL_KINDS }) kind!: SignalKind;
  @ApiProperty({
    enum: ['A', 'B'],
    nullable: true,
    description:
      "The couple's partner it came from (A submitted the intake, B was invited); null on a lead of one person",
  })
  partner!: Partner | null;
  @ApiProperty({
    enum: SIGNAL_SOURCES,
    description: '`message`: crisis words in free text; `answer`: a survey item',
  })
  source!: SignalSource;
  @ApiProperty({
    type: SignalContactView,
    description: 'The contact of the person who said it: never only the lead primary contact',
  })
  contact!: SignalContactView;
  @ApiProperty({
    type: String,
    enum: [PARTNER_CAUTION],
    nullable: true,
    description:
      "On a couple's lead: do not discuss it with the other partner; null on a lead of one person",
  })
  caution!: typeof PARTNER_CAUTION | null;
}

/** The lead's flags, and who raised each one. */
export class LeadFlagsView extends FlagsView {
  @ApiProperty({
    type: [SignalView],
    description: 'Every crisis or safety signal, named by the person it came from; crisis first',
  })
  signals!: SignalView[];
}

export class ConsentView {
  @ApiProperty() contact!: boolean;
  @ApiProperty() privacyNoticeVersion!: string;
}

export class InquiryView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() reference!: string;
  @ApiProperty(dateTime) receivedAt!: string;
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
  @ApiProperty(nullableText) phone!: string | null;
  @ApiProperty({ enum: PREFERRED_CONTACTS }) preferredContact!: PreferredContact;
  @ApiProperty({ enum: SERVICE_TYPES }) serviceType!: ServiceType;
  @ApiProperty(nullableText) state!: string | null;
  @ApiProperty({ description: 'As the person wrote it (decrypted)' }) message!: string;
  @ApiProperty(nullableText) referralSource!: string | null;
  @ApiProperty({ type: ConsentView }) consent!: ConsentView;
  @ApiProperty({ ...nullableText, description: 'Why it was taken for a bot, if it was' })
  spamReason!: string | null;
  @ApiProperty() crisisIndicated!: boolean;
}

// Every style once: the compiler names a style missing here.
const ATTACHMENT_STYLES = Object.keys({
  secure: true,
  anxious: true,
  avoidant: true,
  fearful: true,
} satisfies Record<AttachmentStyle, true>);

/** One respondent's scored survey result (docs/survey.md#results). */
export class RespondentResultView implements RespondentResult {
  @ApiProperty({ minimum: 1, maximum: 7, description: 'Mean of the anxiety items, 2 decimals' })
  anxiety!: number;
  @ApiProperty({ type: 'integer', minimum: 6, maximum: 42 }) anxietySum!: number;
  @ApiProperty({ description: 'anxietySum ≥ 25' }) anxietyElevated!: boolean;
  @ApiProperty({ minimum: 1, maximum: 7, description: 'Mean of the avoidance items, 2 decimals' })
  avoidance!: number;
  @ApiProperty({ type: 'integer', minimum: 6, maximum: 42 }) avoidanceSum!: number;
  @ApiProperty({ description: 'avoidanceSum ≥ 25' }) avoidanceElevated!: boolean;
  @ApiProperty({ enum: ATTACHMENT_STYLES, description: 'Which indicators are elevated' })
  style!: AttachmentStyle;
  @ApiProperty() pursues!: boolean;
  @ApiProperty() withdraws!: boolean;
  @ApiProperty() safetyConcern!: boolean;
  @ApiProperty() crisis!: boolean;
}

/** The couple's pattern once both partners answered (docs/survey.md#results). */
export class CoupleResultView implements CoupleResult {
  @ApiProperty({ description: "One partner's style is anxious and the other's avoidant" })
  anxiousAvoidantPairing!: boolean;
  @ApiProperty({ description: 'One partner pursues and the other withdraws' })
  pursueWithdraw!: boolean;
  @ApiProperty({ enum: ['A', 'B'], nullable: true, description: 'Who pursues, when one does' })
  pursuer!: 'A' | 'B' | null;
  @ApiProperty({ description: "Either partner's" }) safetyConcern!: boolean;
  @ApiProperty({ description: "Either partner's" }) crisis!: boolean;
}

export class RespondentView {
  @ApiProperty({ enum: ['A', 'B'], description: 'A submitted the intake; B was invited' })
  partner!: 'A' | 'B';
  @ApiProperty() reference!: string;
  @ApiProperty(dateTime) receivedAt!: string;
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
  @ApiProperty(nullableText) phone!: string | null;
  @ApiProperty(nullableText) state!: string | null;
  @ApiProperty(nullableText) pronouns!: string | null;
  @ApiProperty({ ...nullableText, format: 'date' }) dateOfBirth!: string | null;
  @ApiProperty({ ...freeObject, description: 'Answers by question id (decrypted)' })
  answers!: Record<string, unknown>;
  @ApiProperty({
    type: RespondentResultView,
    nullable: true,
    description:
      'Scored survey result (docs/survey.md#results); null for forms that are not scored',
  })
  result!: RespondentResult | null;
  @ApiProperty({ type: FlagsView }) flags!: FlagsView;
  @ApiProperty({ type: ConsentView }) consent!: ConsentView;
}

export class InvitationView {
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
  @ApiProperty(dateTime) invitedAt!: string;
  @ApiProperty(dateTime) expiresAt!: string;
  @ApiProperty(nullableDateTime) usedAt!: string | null;
}

export class IntakeView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() reference!: string;
  @ApiProperty() formSlug!: string;
  @ApiProperty() formVersion!: number;
  @ApiProperty({ enum: ['awaiting_partner', 'complete'] }) status!: 'awaiting_partner' | 'complete';
  @ApiProperty(dateTime) receivedAt!: string;
  @ApiProperty(nullableDateTime) completedAt!: string | null;
  @ApiProperty({ type: Boolean, nullable: true }) consentTelehealth!: boolean | null;
  @ApiProperty(nullableText) spamReason!: string | null;
  @ApiProperty({ type: [RespondentView] }) respondents!: RespondentView[];
  @ApiProperty({ type: InvitationView, nullable: true }) partnerInvitation!: InvitationView | null;
  @ApiProperty({
    type: CoupleResultView,
    nullable: true,
    description: "The couple's result once both partners answered (docs/survey.md#results)",
  })
  coupleResult!: CoupleResult | null;
  @ApiProperty({ type: FlagsView }) flags!: FlagsView;
}

export class NoteView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ type: PersonRefView }) author!: PersonRefView;
  @ApiProperty(dateTime) createdAt!: string;
}

/** A try at reaching the lead (docs/api.md#the-coordinators-desk). */
export class ContactAttemptView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({
    enum: CONTACT_CHANNELS,
    nullable: true,
    description: 'Null for the attempt a move to `contacted` logged when none was',
  })
  channel!: ContactChannel | null;
  @ApiProperty({
    enum: CONTACT_OUTCOMES,
    description: '`unspecified`: logged by a move to `contacted` without an attempt',
  })
  outcome!: ContactOutcome;
  @ApiProperty({ ...nullableText, description: 'Empty (null) without one, or once erased' })
  note!: string | null;
  @ApiProperty(dateTime) at!: string;
  @ApiProperty({ type: PersonRefView, description: 'Who made it' }) by!: PersonRefView;
}

export const TIMELINE_KINDS = [
  'inquiry_received',
  'intake_received',
  'awaiting_partner',
  'partner_invited',
  'partner_answered',
  'intake_complete',
  'note_added',
  'staff_email',
] as const;

export class TimelineEntryView {
  @ApiProperty(dateTime) at!: string;
  @ApiProperty({
    description: `${TIMELINE_KINDS.join(', ')}, or a lead event: status_changed, urgency_changed, assigned, tags_changed, contact_attempted (details: attemptId, channel, outcome), …`,
  })
  kind!: string;
  @ApiProperty({ type: PersonRefView, nullable: true, description: 'Staff who did it, if any' })
  actor!: PersonRefView | null;
  @ApiProperty({ ...freeObject, description: 'Ids, references, statuses: never client data' })
  details!: Record<string, unknown>;
}

export const DUPLICATE_MATCHES = ['email', 'phone', 'name_state'] as const;
export type DuplicateMatch = (typeof DUPLICATE_MATCHES)[number];

export class DuplicateView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty(nullableText) reference!: string | null;
  @ApiProperty({ enum: LEAD_STATUSES }) status!: LeadStatus;
  @ApiProperty(dateTime) createdAt!: string;
  @ApiProperty({ enum: DUPLICATE_MATCHES, isArray: true }) matchedOn!: DuplicateMatch[];
}

export class ReturningClientView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty(nullableText) reference!: string | null;
  @ApiProperty({ enum: LEAD_STATUSES }) status!: LeadStatus;
  @ApiProperty({ enum: RETURNING_CLIENT_MATCHES, isArray: true })
  matchedOn!: ReturningClientMatch[];
}

/** What every lead view carries, erased or not: no personal data. */
export class LeadCoreView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ ...nullableText, description: "The first submission's reference" })
  reference!: string | null;
  @ApiProperty({ enum: LEAD_STATUSES }) status!: LeadStatus;
  @ApiProperty({ enum: URGENCIES }) urgency!: Urgency;
  @ApiProperty({ enum: SERVICE_TYPES }) serviceType!: ServiceType;
  @ApiProperty({ type: PersonRefView, nullable: true }) assignedClinician!: PersonRefView | null;
  @ApiProperty(dateTime) createdAt!: string;
  @ApiProperty(dateTime) statusChangedAt!: string;
  @ApiProperty(nullableDateTime) firstContactedAt!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  mergedIntoLeadId!: string | null;
  @ApiProperty({ ...nullableDateTime, description: 'Set when personal data was erased' })
  erasedAt!: string | null;
}

/** A lead whose personal data was erased: the tombstone that stays. */
export class LeadTombstoneView extends LeadCoreView {}

/** Where the lead's first submission came from (docs/api.md#where-a-lead-came-from). */
export class LeadAttributionView {
  @ApiPropertyOptional() utmSource?: string;
  @ApiPropertyOptional() utmMedium?: string;
  @ApiPropertyOptional() utmCampaign?: string;
  @ApiPropertyOptional() utmTerm?: string;
  @ApiPropertyOptional() utmContent?: string;
  @ApiPropertyOptional() referrer?: string;
  @ApiPropertyOptional() landingPage?: string;
}

/** One lead with everything staff need to triage it (docs/api.md#leads, `GET …/leads/:id`). */
export class LeadDetailView extends LeadCoreView {
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
  @ApiProperty(nullableText) phone!: string | null;
  @ApiProperty(nullableText) state!: string | null;
  @ApiProperty({ enum: PREFERRED_CONTACTS }) preferredContact!: PreferredContact;
  @ApiProperty({
    ...nullableText,
    description:
      "Where the lead came from: its first utmSource, else its referral source, else the referrer's host name, else `direct`",
  })
  source!: string | null;
  @ApiProperty({
    type: LeadAttributionView,
    nullable: true,
    description: "The first submission's attribution; null when it sent none",
  })
  attribution!: LeadAttributionView | null;
  @ApiProperty({
    enum: LANGUAGES,
    description: 'The language the client wrote in; their emails use it',
  })
  language!: Language;
  @ApiProperty({ type: [String] }) tags!: string[];
  @ApiProperty(nullableDateTime) respondBy!: string | null;
  @ApiProperty({ description: OVERDUE_DESCRIPTION }) overdue!: boolean;
  @ApiProperty({ ...nullableDateTime, description: FIRST_ATTEMPT_DESCRIPTION })
  firstAttemptAt!: string | null;
  @ApiProperty({ ...nullableDateTime, description: 'The newest contact attempt' })
  lastAttemptAt!: string | null;
  @ApiProperty({ ...nullableDateTime, description: 'The first attempt that reached the person' })
  firstConnectedAt!: string | null;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Contact attempts logged' })
  attempts!: number;
  @ApiProperty(dateTime) lastSubmissionAt!: string;
  @ApiProperty({ enum: SUMMARY_INTAKE_STATUSES, nullable: true })
  intakeStatus!: SummaryIntakeStatus | null;
  @ApiProperty({ type: LeadFlagsView }) flags!: LeadFlagsView;
  @LeadLabelsProperty() labels!: LeadLabel[];
  @ApiProperty({
    description:
      'A submission could not be vouched for (e.g. the CAPTCHA provider was down): staff were not notified of it as a new lead. Clear with PATCH `needsReview: false`.',
  })
  needsReview!: boolean;
  @ApiProperty({ enum: REVIEW_REASONS, nullable: true, description: 'Why it needs review' })
  reviewReason!: ReviewReason | null;
  @ApiProperty({ type: [InquiryView] }) inquiries!: InquiryView[];
  @ApiProperty({ type: [IntakeView] }) intakes!: IntakeView[];
  @ApiProperty({ type: [NoteView], description: 'Oldest first' }) notes!: NoteView[];
  @ApiProperty({ type: [ContactAttemptView], description: 'Newest first' })
  contactAttempts!: ContactAttemptView[];
  @ApiProperty({ type: [TimelineEntryView], description: 'Everything that happened, oldest first' })
  timeline!: TimelineEntryView[];
  @ApiProperty({ type: [DuplicateView], description: 'Likely duplicates you may see' })
  duplicates!: DuplicateView[];
  @ApiProperty({
    type: [ReturningClientView],
    description:
      'Other live leads you may see with the same email or phone (not spam), newest first: why the lead is labelled `possible_returning_client`. Preview a merge with `dryRun`.',
  })
  returningClientMatches!: ReturningClientView[];
  @ApiProperty({
    type: [SignatureView],
    description: 'Consent documents signed by the client and their partner, oldest first',
  })
  signatures!: SignatureView[];
}
