import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
} from 'typeorm';
import { Lead } from '../leads/lead.entity.js';
import { Consultation } from './consultation.entity.js';

/**
 * A client's link to book their first conversation (`/book?token=…`). Only a SHA-256 of
 * the token is kept; the token is derived from the link's id with a data key, so the
 * acknowledgement can be written (again) without the token being stored. Books until
 * `expiresAt`; once a consultation is booked it manages that one until it starts.
 */
@Entity()
@Index('IDX_booking_link_lead', ['leadId', 'createdAt'])
export class BookingLink {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  leadId!: string;

  @ManyToOne(() => Lead, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'lead_id' })
  lead?: Lead;

  @Index('UQ_booking_link_token_hash', { unique: true })
  @Column({ type: 'char', length: 64 })
  tokenHash!: string;

  /** Which data key derived the token. */
  @Column({ type: 'varchar', length: 32 })
  tokenKeyId!: string;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  /** The live consultation booked through this link, if any. */
  @Column({ type: 'uuid', nullable: true })
  consultationId!: string | null;

  @ManyToOne(() => Consultation, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'consultation_id' })
  consultation?: Consultation | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
