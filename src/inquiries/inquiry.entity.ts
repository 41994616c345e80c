import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { PreferredContact, ServiceType } from '../vocabulary/contact.js';
import { Lead } from '../leads/lead.entity.js';
import type { SpamReason } from '../submissions/spam.js';

/** One "reach out" form as the person sent it. */
@Entity()
@Index('IDX_inquiry_lead', ['leadId'])
export class Inquiry {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  leadId!: string;

  @ManyToOne(() => Lead, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'lead_id' })
  lead?: Lead;

  @Index('UQ_inquiry_reference', { unique: true })
  @Column({ type: 'varchar', length: 11 })
  reference!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 254 })
  email!: string;

  @Column({ type: 'varchar', length: 16, nullable: true })
  phone!: string | null;

  @Column({ type: 'varchar', length: 8 })
  preferredContact!: PreferredContact;

  @Column({ type: 'varchar', length: 16 })
  serviceType!: ServiceType;

  @Column({ type: 'varchar', length: 2, nullable: true })
  state!: string | null;

  /**
   * Plaintext from before messages were encrypted; always null for new rows, and
   * emptied by `npm run rotate-key`, which moves it into `messageEncrypted`.
   */
  @Column({ type: 'text', nullable: true })
  message!: string | null;

  /** The message, sealed by DataCipher with purpose `inquiry.message`. */
  @Column({ type: 'text', nullable: true })
  messageEncrypted!: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  referralSource!: string | null;

  @Column({ type: 'boolean' })
  consentContact!: boolean;

  @Column({ type: 'varchar', length: 50 })
  privacyNoticeVersion!: string;

  @Column({ type: 'timestamptz', nullable: true })
  formStartedAt!: Date | null;

  @Column({ type: 'timestamptz' })
  receivedAt!: Date;

  /** Why the submission was taken for a bot; null for a genuine one. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  spamReason!: SpamReason | null;

  /** The message contained a crisis phrase (docs/survey.md#crisis-phrases). */
  @Column({ type: 'boolean' })
  crisisIndicated!: boolean;
}
