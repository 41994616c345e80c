import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
} from 'typeorm';
import { Lead } from '../leads/lead.entity.js';
import { User } from '../users/user.entity.js';
import type { Signer } from './consent-signature.entity.js';

/**
 * A one-time link that lets a client (or their partner) sign what is still missing. Only
 * a SHA-256 of the token is kept; the token is derived again from the id with a data
 * key when the email is written (see `paperworkToken`).
 */
@Entity()
@Index('IDX_paperwork_request_lead', ['leadId'])
@Check('CHK_paperwork_request_signer', `"signer" IN ('client', 'partner')`)
export class PaperworkRequest {
  @PrimaryColumn('uuid')
  id!: string;

  @ManyToOne(() => Lead, { onDelete: 'CASCADE' })
  lead?: Lead;

  @Column('uuid')
  leadId!: string;

  @Column({ type: 'varchar', length: 16 })
  signer!: Signer;

  /** For a partner: the invitation that holds their name and address. */
  @Column({ type: 'uuid', nullable: true })
  partnerInvitationId!: string | null;

  @Index('UQ_paperwork_request_token_hash', { unique: true })
  @Column({ type: 'char', length: 64 })
  tokenHash!: string;

  /** Which data key derived the token. */
  @Column({ type: 'varchar', length: 32 })
  tokenKeyId!: string;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt!: Date | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'requested_by_user_id' })
  requestedBy?: User;

  @Column('uuid')
  requestedByUserId!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
