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
import {
  CONTACT_CHANNELS,
  CONTACT_OUTCOMES,
  type ContactChannel,
  type ContactOutcome,
} from '../vocabulary/contact-attempts.js';
import { User } from '../users/user.entity.js';
import { Lead } from './lead.entity.js';

const oneOf = (column: string, values: readonly string[]) =>
  `"${column}" IN (${values.map((value) => `'${value}'`).join(', ')})`;

/**
 * A staff member's try at reaching a lead (call, text, email) and how it went. Append-only
 * like notes (the database refuses changes but a merge's move, erasure's emptying of the
 * note and key rotation's re-sealing); the note is sealed at rest.
 */
@Entity()
@Check('CHK_contact_attempt_channel', oneOf('channel', CONTACT_CHANNELS))
@Check('CHK_contact_attempt_outcome', oneOf('outcome', CONTACT_OUTCOMES))
@Index('IDX_contact_attempt_lead', ['leadId', 'createdAt'])
export class ContactAttempt {
  @PrimaryColumn('uuid')
  id!: string;

  @ManyToOne(() => Lead, { onDelete: 'CASCADE' })
  lead?: Lead;

  @Column('uuid')
  leadId!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_user_id' })
  author?: User;

  @Column('uuid')
  authorUserId!: string;

  /** Null for the attempt the move to `contacted` logs when none was (nobody said how). */
  @Column({ type: 'varchar', length: 8, nullable: true })
  channel!: ContactChannel | null;

  @Column({ type: 'varchar', length: 16 })
  outcome!: ContactOutcome;

  /** DataCipher value (SEALED_COLUMNS.contactAttemptNote); null without a note or once erased. */
  @Column({ type: 'text', nullable: true })
  noteEncrypted!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
