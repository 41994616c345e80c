import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { LEAD_STATUSES, type LeadStatus } from '../vocabulary/lead-status.js';
import type { ReviewReason } from './lead-review.js';
import type { Attribution } from '../vocabulary/attribution.js';
import { URGENCIES, type Urgency } from '../vocabulary/urgency.js';
import { LANGUAGES, type Language } from '../vocabulary/languages.js';
import {
  SERVICE_TYPES,
  type ServiceType,
  PREFERRED_CONTACTS,
  type PreferredContact,
} from '../vocabulary/contact.js';

const oneOf = (column: string, values: readonly string[]) =>
  `"${column}" IN (${values.map((value) => `'${value}'`).join(', ')})`;

/**
 * A person (or couple) the practice may take on: the unit of triage. Every public
 * submission belongs to exactly one lead; repeat submissions join the open lead.
 */
@Entity()
@Check('CHK_lead_status', oneOf('status', LEAD_STATUSES))
@Check('CHK_lead_urgency', oneOf('urgency', URGENCIES))
@Check('CHK_lead_service_type', oneOf('service_type', SERVICE_TYPES))
@Check('CHK_lead_preferred_contact', oneOf('preferred_contact', PREFERRED_CONTACTS))
@Check('CHK_lead_language', oneOf('language', LANGUAGES))
@Index('IDX_lead_email_recent', ['emailNormalized', 'lastSubmissionAt'])
@Index('IDX_lead_created', ['createdAt', 'id'])
@Index('IDX_lead_status_created', ['status', 'createdAt', 'id'])
@Index('IDX_lead_assigned_created', ['assignedClinicianId', 'createdAt', 'id'])
@Index('IDX_lead_tags', { synchronize: false })
@Index('IDX_lead_merged_into', ['mergedIntoLeadId'], { where: 'merged_into_lead_id IS NOT NULL' })
// The admin list's search, urgency sort and likely duplicates (written by hand in the
// LeadTriageSearch migration: trigram and expression indexes TypeORM cannot describe).
@Index('IDX_lead_name_trgm', { synchronize: false })
@Index('IDX_lead_name_prefixes', { synchronize: false })
@Index('IDX_lead_email_trgm', { synchronize: false })
@Index('IDX_lead_phone_trgm', { synchronize: false })
@Index('IDX_lead_urgency_rank_created', { synchronize: false })
@Index('IDX_lead_name_state', { synchronize: false })
@Index('IDX_lead_phone', ['phone'])
@Index('IDX_lead_attributed_source_created', ['attributedSource', 'createdAt', 'id'])
@Index('IDX_lead_needs_review_created', ['createdAt', 'id'], { where: 'needs_review' })
// The lead desk's window of the newest live leads (LeadDeskNameSearch: INCLUDE columns).
@Index('IDX_lead_live_recent', { synchronize: false })
// The lead list's sort=dueAt (DeskClock: an expression index TypeORM cannot describe).
@Index('IDX_lead_due', { synchronize: false })
export class Lead {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 32 })
  status!: LeadStatus;

  @Column({ type: 'varchar', length: 16 })
  urgency!: Urgency;

  @Column({ type: 'varchar', length: 16 })
  serviceType!: ServiceType;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 254 })
  email!: string;

  /** Lower-cased email used to recognise a returning person; never shown. */
  @Column({ type: 'varchar', length: 254 })
  emailNormalized!: string;

  /**
   * The name lower-cased and the address, for the lead desk's search window; written by
   * the database (trigger TRG_lead_search_text, migration LeadSearchText), never by the
   * application, and never read into an entity.
   */
  @Column({ type: 'text', default: '', select: false, insert: false, update: false })
  searchText!: string;

  @Column({ type: 'varchar', length: 16, nullable: true })
  phone!: string | null;

  @Column({ type: 'varchar', length: 2, nullable: true })
  state!: string | null;

  @Column({ type: 'varchar', length: 8 })
  preferredContact!: PreferredContact;

  /** How the lead first heard of the practice (the first submission's referralSource). */
  @Column({ type: 'varchar', length: 100, nullable: true })
  source!: string | null;

  /** Where the first submission's visitor came from (UTM parameters, referrer, landing page). */
  @Column({ type: 'jsonb', nullable: true })
  attribution!: Attribution | null;

  /**
   * The lead's source (`leadSource` of the vocabulary): the first utmSource, else the
   * referral source, else the referrer's host, else `direct`. Null once erased.
   */
  @Column({ type: 'varchar', length: 500, nullable: true })
  attributedSource!: string | null;

  /** The language the client wrote in (the first submission's): every email to them is in it. */
  @Column({ type: 'varchar', length: 2, default: 'en' })
  language!: Language;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  /** When the newest submission arrived; a returning person joins within 30 days of it. */
  @Column({ type: 'timestamptz' })
  lastSubmissionAt!: Date;

  /** The response target (docs/api.md#response-time-targets); past it with no attempt: overdue. */
  @Column({ type: 'timestamptz', nullable: true })
  respondBy!: Date | null;

  /** First move out of `new`/`in_review` to a contacted-or-later status. */
  @Column({ type: 'timestamptz', nullable: true })
  firstContactedAt!: Date | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  statusChangedAt!: Date;

  /**
   * The first contact attempt: it stops the response clock (docs/api.md#response-time-targets).
   * Leads contacted before attempts were logged carry their first contact time here.
   */
  @Column({ type: 'timestamptz', nullable: true })
  firstAttemptAt!: Date | null;

  /** The first attempt that reached the person (outcome `connected`). */
  @Column({ type: 'timestamptz', nullable: true })
  firstConnectedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastAttemptAt!: Date | null;

  /** Attempts logged (`contact_attempt` rows of the lead). */
  @Column({ type: 'integer', default: 0 })
  attemptCount!: number;

  /** The clinician profile the lead is assigned to. */
  // The foreign key only, named by entity so leads/ does not import clinicians/; the
  // clinician is read through assignedClinicianId.
  @ManyToOne('Clinician', { onDelete: 'SET NULL', nullable: true })
  assignedClinician?: { id: string } | null;

  @Column({ type: 'uuid', nullable: true })
  assignedClinicianId!: string | null;

  @Column({ type: 'text', array: true, default: () => `'{}'` })
  tags!: string[];

  /** Set when this lead was folded into another; it is then hidden from lists. */
  @Column({ type: 'uuid', nullable: true })
  mergedIntoLeadId!: string | null;

  /** Set when personal data was erased; the row stays as a tombstone. */
  @Column({ type: 'timestamptz', nullable: true })
  erasedAt!: Date | null;

  /**
   * A submission could not be vouched for (e.g. the CAPTCHA provider was down): staff
   * were not told of it as a new lead; a coordinator looks and clears the flag.
   */
  @Column({ type: 'boolean', default: false })
  needsReview!: boolean;

  /** Why it needs review; null once cleared or when it never did. */
  @Column({ type: 'varchar', length: 32, nullable: true })
  reviewReason!: ReviewReason | null;

  /** Bumped on every change; the admin API serves it as the ETag. */
  @VersionColumn()
  version!: number;
}
