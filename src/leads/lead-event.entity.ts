import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One step in a lead's timeline that no other row records: a status or urgency change, an
 * assignment, tags, a merge, an erasure, `awaiting_partner` / `intake_complete`. Details
 * hold statuses and ids only, never client data, except `tags_changed`: the tags added and
 * removed, which erasure empties with the lead's tags. Submissions and notes have their own rows.
 */
@Entity()
@Index('IDX_lead_event_lead', ['leadId', 'occurredAt'])
export class LeadEvent {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column('uuid')
  leadId!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  occurredAt!: Date;

  /** e.g. `status_changed`, `urgency_changed`, `assigned`, `tags_changed`, `merged_in`. */
  @Column({ type: 'varchar', length: 32 })
  kind!: string;

  /** The staff member, or null for the service itself (a submission, a job). */
  @Column({ type: 'uuid', nullable: true })
  actorUserId!: string | null;

  @Column({ type: 'jsonb' })
  details!: Record<string, unknown>;
}
