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
import { Lead } from './lead.entity.js';

export const SUBMISSION_KINDS = ['inquiry', 'intake', 'partner_response'] as const;
export type SubmissionKind = (typeof SUBMISSION_KINDS)[number];

/**
 * Every reference code ever handed out, whatever kind of submission got it: one table
 * keeps codes unique across kinds and finds a lead by the reference of any submission.
 */
@Entity()
@Check('CHK_submission_reference_kind', `"kind" IN ('inquiry', 'intake', 'partner_response')`)
@Index('IDX_submission_reference_lead', ['leadId'])
export class SubmissionReference {
  @PrimaryColumn({ type: 'varchar', length: 11 })
  reference!: string;

  @Column('uuid')
  leadId!: string;

  @ManyToOne(() => Lead, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'lead_id' })
  lead?: Lead;

  @Column({ type: 'varchar', length: 16 })
  kind!: SubmissionKind;

  @Column('uuid')
  submissionId!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
