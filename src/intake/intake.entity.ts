import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Lead } from '../leads/lead.entity.js';
import type { SpamReason } from '../submissions/spam.js';

export type IntakeStatus = 'awaiting_partner' | 'complete';

/**
 * A full intake as the first respondent (partner A) sent it. Answers, scores, the date
 * of birth and the couple's result are sealed by DataCipher; the columns named
 * `…Encrypted` never hold plaintext.
 */
@Entity()
@Check('CHK_intake_status', `"status" IN ('awaiting_partner', 'complete')`)
@Index('IDX_intake_lead', ['leadId'])
export class Intake {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  leadId!: string;

  @ManyToOne(() => Lead, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'lead_id' })
  lead?: Lead;

  @Index('UQ_intake_reference', { unique: true })
  @Column({ type: 'varchar', length: 11 })
  reference!: string;

  @Column({ type: 'varchar', length: 40 })
  formSlug!: string;

  @Column({ type: 'int' })
  formVersion!: number;

  @Column({ type: 'varchar', length: 16 })
  status!: IntakeStatus;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 254 })
  email!: string;

  @Column({ type: 'varchar', length: 16, nullable: true })
  phone!: string | null;

  @Column({ type: 'varchar', length: 2, nullable: true })
  state!: string | null;

  @Column({ type: 'varchar', length: 50, nullable: true })
  pronouns!: string | null;

  @Column({ type: 'text', nullable: true })
  dateOfBirthEncrypted!: string | null;

  /** Null only once the lead was erased. */
  @Column({ type: 'text', nullable: true })
  answersEncrypted!: string | null;

  /** Partner A's scores (couples form); null for forms that are not scored. */
  @Column({ type: 'text', nullable: true })
  resultEncrypted!: string | null;

  /** The scoring rules (src/survey/scoring.ts SCORING_VERSION) the stored results follow. */
  @Column({ type: 'smallint', nullable: true })
  scoringVersion!: number | null;

  /** The couple-level result, once partner B has answered. */
  @Column({ type: 'text', nullable: true })
  coupleResultEncrypted!: string | null;

  @Column({ type: 'boolean' })
  consentContact!: boolean;

  @Column({ type: 'boolean', nullable: true })
  consentTelehealth!: boolean | null;

  @Column({ type: 'varchar', length: 50 })
  privacyNoticeVersion!: string;

  @Column({ type: 'timestamptz', nullable: true })
  formStartedAt!: Date | null;

  @Column({ type: 'timestamptz' })
  receivedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt!: Date | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  spamReason!: SpamReason | null;
}
