import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { UserRole } from '../vocabulary/user-role.js';

/** A member of the practice's staff who uses the admin side and receives notifications. */
@Entity({ name: 'staff_user' })
@Check('CHK_staff_user_role', `"role" IN ('admin', 'coordinator', 'clinician')`)
export class User {
  @PrimaryColumn('uuid')
  id!: string;

  /** Stored lower-cased; one account per address. */
  @Index('UQ_staff_user_email', { unique: true })
  @Column({ type: 'varchar', length: 254 })
  email!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 16 })
  role!: UserRole;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  /** argon2id PHC string; null until the person accepts their invitation. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  passwordHash!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  passwordChangedAt!: Date | null;

  /** TOTP secret sealed with DataCipher ("staff-user.mfa-secret"); set at enrolment start. */
  @Column({ type: 'text', nullable: true })
  mfaSecretEncrypted!: string | null;

  /** Set once a code from the enrolled secret was verified: from then on TOTP is required. */
  @Column({ type: 'timestamptz', nullable: true })
  mfaEnabledAt!: Date | null;

  /** The time step of the last accepted code: a code is never accepted twice. */
  @Column({ type: 'bigint', nullable: true })
  mfaLastStep!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastLoginAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
