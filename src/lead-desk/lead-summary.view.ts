import { LANGUAGES, type Language } from '../vocabulary/languages.js';
import { ApiProperty } from '@nestjs/swagger';
import {
  PREFERRED_CONTACTS,
  SERVICE_TYPES,
  type PreferredContact,
  type ServiceType,
} from '../vocabulary/contact.js';
import { LEAD_LABELS, type LeadLabel } from '../vocabulary/lead-labels.js';
import { REVIEW_REASONS, type ReviewReason } from '../leads/lead-review.js';
import { SIGNAL_KINDS, type Partner, type SignalKind } from '../leads/lead-signals.js';
import { LEAD_STATUSES, type LeadStatus } from '../vocabulary/lead-status.js';
import { URGENCIES, type Urgency } from '../vocabulary/urgency.js';
import { PREVIEW_LENGTH } from './message-preview.js';

/** A lead's labels, each code documented with its words (the list and the detail). */
export const LeadLabelsProperty = () =>
  ApiProperty({
    enum: Object.keys(LEAD_LABELS),
    isArray: true,
    description: Object.entries(LEAD_LABELS)
      .map(([code, text]) => `\`${code}\`: ${text}`)
      .join('; '),
  });

const nullableDateTime = { nullable: true, type: String, format: 'date-time' } as const;
export const OVERDUE_DESCRIPTION =
  'Open, no contact attempt yet, and past its response target (`respondBy`)';
export const FIRST_ATTEMPT_DESCRIPTION =
  'The first contact attempt: it stops the response clock. Leads contacted before attempts were logged show their first contact time.';

export const SUMMARY_INTAKE_STATUSES = ['awaiting_partner', 'intake_complete'] as const;
export type SummaryIntakeStatus = (typeof SUMMARY_INTAKE_STATUSES)[number];

/** A staff member or clinician as a lead shows them: who, not how to reach them. */
export class PersonRefView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

/** "crisis: B": a signal of the lead and the partner it came from, without what was said. */
export class SignalMarkView {
  @ApiProperty({ enum: SIGNAL_KINDS }) kind!: SignalKind;
  @ApiProperty({
    enum: ['A', 'B'],
    nullable: true,
    description: "The couple's partner it came from; null on a lead of one person",
  })
  partner!: Partner | null;
}

/** One lead in the list (docs/api.md#leads, `GET /v1/admin/leads`). */
export class LeadSummaryView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ nullable: true, type: String, description: "The first submission's reference" })
  reference!: string | null;
  @ApiProperty({ enum: LEAD_STATUSES }) status!: LeadStatus;
  @ApiProperty({ enum: URGENCIES }) urgency!: Urgency;
  @ApiProperty({ enum: SERVICE_TYPES }) serviceType!: ServiceType;
  @ApiProperty() name!: string;
  @ApiProperty({ nullable: true, type: String, description: 'The phone number given, if any' })
  phone!: string | null;
  @ApiProperty({ enum: PREFERRED_CONTACTS }) preferredContact!: PreferredContact;
  @ApiProperty({
    nullable: true,
    type: String,
    description: `The first words (at most ${PREVIEW_LENGTH} characters) of the newest inquiry's message, white space collapsed, cut at a word with "…"; null without an inquiry`,
  })
  messagePreview!: string | null;
  @ApiProperty({
    description:
      "The newest inquiry's message holds a crisis phrase (mark the phrases in the preview)",
  })
  previewCrisis!: boolean;
  @ApiProperty({ nullable: true, type: String }) state!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description:
      "Where the lead came from: its first utmSource, else its referral source, else the referrer's host name, else `direct`; null once erased",
  })
  source!: string | null;
  @ApiProperty({
    enum: LANGUAGES,
    description: 'The language the client wrote in; their emails use it',
  })
  language!: Language;
  @ApiProperty({ nullable: true, type: PersonRefView }) assignedClinician!: PersonRefView | null;
  @ApiProperty({ type: [String] }) tags!: string[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) respondBy!: string | null;
  @ApiProperty({ description: OVERDUE_DESCRIPTION }) overdue!: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  firstContactedAt!: string | null;
  @ApiProperty({ ...nullableDateTime, description: FIRST_ATTEMPT_DESCRIPTION })
  firstAttemptAt!: string | null;
  @ApiProperty({ ...nullableDateTime, description: 'The newest contact attempt' })
  lastAttemptAt!: string | null;
  @ApiProperty({ ...nullableDateTime, description: 'The first attempt that reached the person' })
  firstConnectedAt!: string | null;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Contact attempts logged' })
  attempts!: number;
  @ApiProperty({
    enum: SUMMARY_INTAKE_STATUSES,
    nullable: true,
    description: 'Of the newest intake; null without one',
  })
  intakeStatus!: SummaryIntakeStatus | null;
  @LeadLabelsProperty() labels!: LeadLabel[];
  @ApiProperty({
    type: [SignalMarkView],
    description: 'Crisis and safety signals by partner ("crisis: B"), crisis first',
  })
  signals!: SignalMarkView[];
  @ApiProperty({
    description:
      'A submission could not be vouched for (e.g. the CAPTCHA provider was down): staff were not notified of it as a new lead. Clear with PATCH `needsReview: false`.',
  })
  needsReview!: boolean;
  @ApiProperty({ enum: REVIEW_REASONS, nullable: true, description: 'Why it needs review' })
  reviewReason!: ReviewReason | null;
}

export class LeadPageView {
  @ApiProperty({ type: [LeadSummaryView] }) items!: LeadSummaryView[];
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Pass as `cursor` for the next page; null on the last page',
  })
  nextCursor!: string | null;
}
