import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryColumn } from 'typeorm';
import { User } from '../users/user.entity.js';

/**
 * One MFA recovery code (recovery-codes.ts): shown once, stored as a SHA-256 of the
 * account id and the code, spent by the first sign-in that uses it.
 */
@Entity({ name: 'staff_recovery_code' })
@Index('UQ_staff_recovery_code', ['userId', 'codeHash'], { unique: true })
export class RecoveryCode {
  @PrimaryColumn('uuid')
  id!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  user?: User;

  @Column('uuid')
  userId!: string;

  @Column({ type: 'char', length: 64 })
  codeHash!: string;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
