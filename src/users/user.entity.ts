import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { UserRole } from './user-role.js';

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

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
