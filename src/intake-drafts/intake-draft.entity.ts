import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Answers saved to finish later. Everything the visitor typed (the address the link went
 * to, their details, their answers, their language) is one sealed value; only the form,
 * the hash of the link's token and the expiry are readable. Deleted when the intake is
 * sent with the draft's token, when a later save replaces it, or by the daily purge once
 * expired.
 */
@Entity()
@Index('IDX_intake_draft_expires', ['expiresAt'])
export class IntakeDraft {
  @PrimaryColumn('uuid')
  id!: string;

  @Index('UQ_intake_draft_token_hash', { unique: true })
  @Column({ type: 'char', length: 64 })
  tokenHash!: string;

  /** Which data key derived the token (the link is written again when mailed). */
  @Column({ type: 'varchar', length: 32 })
  tokenKeyId!: string;

  @Column({ type: 'varchar', length: 40 })
  formSlug!: string;

  @Column({ type: 'int' })
  formVersion!: number;

  /** DataCipher JSON of DraftContent (SEALED_COLUMNS.intakeDraft). */
  @Column({ type: 'text' })
  contentEncrypted!: string;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
