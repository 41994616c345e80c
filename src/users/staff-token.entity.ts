import { Check, Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryColumn } from 'typeorm';
import { User } from './user.entity.js';

export const STAFF_TOKEN_PURPOSES = ['invitation', 'password_reset'] as const;
export type StaffTokenPurpose = (typeof STAFF_TOKEN_PURPOSES)[number];

/** A one-time link for a staff member (an invitation or a password reset); hash only. */
@Entity({ name: 'staff_token' })
@Check('CHK_staff_token_purpose', `"purpose" IN ('invitation', 'password_reset')`)
@Index('IDX_staff_token_user', ['userId'])
export class StaffToken {
  @PrimaryColumn('uuid')
  id!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  user?: User;

  @Column('uuid')
  userId!: string;

  @Column({ type: 'varchar', length: 16 })
  purpose!: StaffTokenPurpose;

  @Index('UQ_staff_token_hash', { unique: true })
  @Column({ type: 'char', length: 64 })
  tokenHash!: string;

  /** Which data key derived the token (staff-link-tokens.ts), so the email can derive it again. */
  @Column({ type: 'varchar', length: 32 })
  tokenKeyId!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt!: Date | null;
}
