import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Failed sign-ins per email address, known or not (so a lockout reveals nothing about
 * which addresses have accounts). Keyed by a keyed hash of the address, never the address.
 * In PostgreSQL so every API replica sees the same count.
 */
@Entity({ name: 'login_throttle' })
export class LoginThrottle {
  @PrimaryColumn({ type: 'char', length: 64 })
  emailHash!: string;

  @Column({ type: 'integer' })
  failures!: number;

  @Column({ type: 'timestamptz' })
  lastFailureAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  lockedUntil!: Date | null;
}
