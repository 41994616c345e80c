import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One email a public route let out to a visitor-typed address, counted for the daily
 * limit (visitor-mail.ts). The address is kept only as a keyed hash; rows older than a
 * day count nothing and are deleted by the retention job.
 */
@Entity()
@Index('IDX_visitor_mail_mailbox_sent', ['mailboxKey', 'sentAt'])
export class VisitorMail {
  /** The notification let out: a retried delivery is counted once. */
  @PrimaryColumn('uuid')
  notificationId!: string;

  /** Keyed hash of the normalised address (DataCipher.derive), never the address. */
  @Column({ type: 'varchar', length: 120 })
  mailboxKey!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  sentAt!: Date;
}
