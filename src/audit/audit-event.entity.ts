import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One thing staff did or tried (sign-ins, reads and changes of leads, exports, merges,
 * erasures). Append-only: a trigger makes the database refuse UPDATE, DELETE and TRUNCATE.
 * Holds ids and action names, never client data: it outlives an erasure.
 */
@Entity({ name: 'audit_event' })
@Index('IDX_audit_event_occurred', ['occurredAt', 'id'])
@Index('IDX_audit_event_lead', ['leadId', 'occurredAt'])
@Index('IDX_audit_event_actor', ['actorUserId', 'occurredAt'])
export class AuditEvent {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  occurredAt!: Date;

  /** Who: null when nobody was signed in (e.g. a failed sign-in for an unknown address). */
  @Column({ type: 'uuid', nullable: true })
  actorUserId!: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  actorRole!: string | null;

  /** What, e.g. `auth.login.failed`, `lead.read`, `lead.updated`, `lead.exported`. */
  @Column({ type: 'varchar', length: 64 })
  action!: string;

  /** Which lead, if any (kept after erasure: the lead row stays as a tombstone). */
  @Column({ type: 'uuid', nullable: true })
  leadId!: string | null;

  /** Another thing acted on (a user, clinician, webhook, notification), if any. */
  @Column({ type: 'varchar', length: 32, nullable: true })
  subjectType!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  subjectId!: string | null;

  /** From where: the client address as the server saw it. */
  @Column({ type: 'varchar', length: 45, nullable: true })
  ip!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  requestId!: string | null;

  /** Non-personal detail: changed field names, statuses, counts, reasons given by staff. */
  @Column({ type: 'jsonb' })
  details!: Record<string, unknown>;
}
