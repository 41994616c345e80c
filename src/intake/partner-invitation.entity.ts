import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
} from 'typeorm';
import { Intake } from './intake.entity.js';

/**
 * The one-time link that lets partner B answer. Only a SHA-256 of the token is kept;
 * the token itself is derived from the invitation id with a data key (see
 * PartnerTokens), so the email can be (re)sent without the token being stored.
 */
@Entity()
@Index('IDX_partner_invitation_intake', ['intakeId'])
// The lead list's search of the second partner (written by hand in the PartnerSearch
// migration: trigram and expression indexes TypeORM cannot describe).
@Index('IDX_partner_invitation_name_trgm', { synchronize: false })
@Index('IDX_partner_invitation_name_prefixes', { synchronize: false })
@Index('IDX_partner_invitation_email_trgm', { synchronize: false })
export class PartnerInvitation {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  intakeId!: string;

  @ManyToOne(() => Intake, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'intake_id' })
  intake?: Intake;

  @Column('uuid')
  leadId!: string;

  @Index('UQ_partner_invitation_token_hash', { unique: true })
  @Column({ type: 'char', length: 64 })
  tokenHash!: string;

  /** Which data key derived the token. */
  @Column({ type: 'varchar', length: 32 })
  tokenKeyId!: string;

  @Column({ type: 'varchar', length: 200 })
  partnerName!: string;

  @Column({ type: 'varchar', length: 254 })
  partnerEmail!: string;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
