import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Intake } from './intake.entity.js';

/** Partner B's own answers, kept apart from partner A's and never shown to them. */
@Entity()
@Index('IDX_partner_response_intake', ['intakeId'])
// The lead list's search of the second partner (written by hand in the PartnerSearch
// migration: trigram and expression indexes TypeORM cannot describe).
@Index('IDX_partner_response_name_trgm', { synchronize: false })
@Index('IDX_partner_response_name_prefixes', { synchronize: false })
@Index('IDX_partner_response_email_trgm', { synchronize: false })
@Index('IDX_partner_response_phone_trgm', { synchronize: false })
export class PartnerResponse {
  @PrimaryColumn('uuid')
  id!: string;

  @Index('UQ_partner_response_invitation', { unique: true })
  @Column('uuid')
  invitationId!: string;

  @Column('uuid')
  intakeId!: string;

  @ManyToOne(() => Intake, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'intake_id' })
  intake?: Intake;

  @Column('uuid')
  leadId!: string;

  @Index('UQ_partner_response_reference', { unique: true })
  @Column({ type: 'varchar', length: 11 })
  reference!: string;

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

  /** Null only once the lead was erased (as is resultEncrypted). */
  @Column({ type: 'text', nullable: true })
  answersEncrypted!: string | null;

  @Column({ type: 'text', nullable: true })
  resultEncrypted!: string | null;

  /** The scoring rules (src/survey/scoring.ts SCORING_VERSION) the stored results follow. */
  @Column({ type: 'smallint', nullable: true })
  scoringVersion!: number | null;

  @Column({ type: 'boolean' })
  consentContact!: boolean;

  @Column({ type: 'varchar', length: 50 })
  privacyNoticeVersion!: string;

  @Column({ type: 'timestamptz' })
  receivedAt!: Date;
}
