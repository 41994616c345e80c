import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
} from 'typeorm';
import { User } from '../users/user.entity.js';
import { Lead } from './lead.entity.js';

/** A staff note on a lead. Append-only (the database refuses changes); body sealed at rest. */
@Entity()
@Index('IDX_triage_note_lead', ['leadId', 'createdAt'])
export class TriageNote {
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

  /** DataCipher value, purpose "triage-note.body". Emptied (null) by erasure. */
  @Column({ type: 'text', nullable: true })
  bodyEncrypted!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
