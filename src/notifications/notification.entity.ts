import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { NOTIFICATION_KINDS, type NotificationKind } from '../vocabulary/notification-kinds.js';

export { NOTIFICATION_KINDS, type NotificationKind };

/**
 * `held`: to a visitor's address from a lead kept for review, sent when staff release it.
 * `withheld`: never sent, the address had its emails from public routes for the day.
 */
export const NOTIFICATION_STATUSES = ['pending', 'sent', 'failed', 'held', 'withheld'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

/**
 * Whom a message goes to, resolved to an address only when sending: a staff user, the
 * person behind a submission, the invited partner (`context.invitationId`), or a fixed
 * address from configuration, or a visitor whose address a capability's own row holds
 * (`visitor`: a saved draft, resolved by its VisitorLinkSource). No client address
 * is copied here, so erasing a lead leaves none behind.
 */
export const RECIPIENT_KINDS = ['user', 'submitter', 'address', 'partner', 'visitor'] as const;
export type RecipientKind = (typeof RECIPIENT_KINDS)[number];

/** One email to one recipient, with its delivery history. */
@Entity()
@Check('CHK_notification_kind', `"kind" IN (${NOTIFICATION_KINDS.map((k) => `'${k}'`).join(', ')})`)
@Check(
  'CHK_notification_status',
  `"status" IN (${NOTIFICATION_STATUSES.map((status) => `'${status}'`).join(', ')})`,
)
@Check(
  'CHK_notification_recipient_kind',
  `"recipient_kind" IN (${RECIPIENT_KINDS.map((kind) => `'${kind}'`).join(', ')})`,
)
@Index('IDX_notification_status_created', ['status', 'createdAt'])
@Index('IDX_notification_lead', ['leadId'])
@Index('IDX_notification_created', ['createdAt', 'id'])
export class Notification {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 32 })
  kind!: NotificationKind;

  @Column({ type: 'varchar', length: 16 })
  status!: NotificationStatus;

  /** Makes planning idempotent: a redelivered job cannot plan the same email twice. */
  @Index('UQ_notification_dedupe_key', { unique: true })
  @Column({ type: 'varchar', length: 200 })
  dedupeKey!: string;

  @Column({ type: 'uuid', nullable: true })
  leadId!: string | null;

  @Column({ type: 'varchar', length: 16 })
  recipientKind!: RecipientKind;

  @Column({ type: 'uuid', nullable: true })
  recipientUserId!: string | null;

  /** The submission whose sender is the recipient (`submitter`). */
  @Column({ type: 'uuid', nullable: true })
  recipientSubmissionId!: string | null;

  /** Only configured addresses (the practice's intake inbox), never a client's. */
  @Column({ type: 'varchar', length: 254, nullable: true })
  recipientAddress!: string | null;

  /** Kind-specific ids the message needs (e.g. which submission); never personal data. */
  @Column({ type: 'jsonb' })
  context!: Record<string, string>;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  /** What went wrong last, in words safe to show and log: no addresses, no content. */
  @Column({ type: 'varchar', length: 300, nullable: true })
  lastError!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  lastAttemptAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt!: Date | null;
}
