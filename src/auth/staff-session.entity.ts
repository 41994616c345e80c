import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryColumn } from 'typeorm';
import { User } from '../users/user.entity.js';

/**
 * A signed-in staff session, held on the server so logout and a password change end it at
 * once. Only the SHA-256 of the token is stored: a copy of the table signs nobody in.
 */
@Entity({ name: 'staff_session' })
@Index('IDX_staff_session_user', ['userId'])
export class StaffSession {
  @PrimaryColumn('uuid')
  id!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  user?: User;

  @Column('uuid')
  userId!: string;

  @Index('UQ_staff_session_token_hash', { unique: true })
  @Column({ type: 'char', length: 64 })
  tokenHash!: string;

  /** False while a session may only enrol MFA (MFA_REQUIRED=all and none enrolled yet). */
  @Column({ type: 'boolean' })
  mfaSatisfied!: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz' })
  lastSeenAt!: Date;

  /**
   * When the session last proved the password or a code: at sign-in (the default), then
   * at each POST /v1/auth/reauthenticate. Some actions need it fresh (fresh-credentials.ts).
   */
  @Column({ type: 'timestamptz', default: () => 'now()' })
  credentialsProvedAt!: Date;

  /** The absolute end: 12 hours after sign-in, whatever the activity. */
  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  endedAt!: Date | null;

  @Column({ type: 'varchar', length: 45, nullable: true })
  ip!: string | null;

  /** The browser's User-Agent at sign-in (first 255 characters): for the sessions list. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  userAgent!: string | null;
}
