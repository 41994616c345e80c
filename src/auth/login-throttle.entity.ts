import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Counted sign-in attempts (sign-in-slowdown.ts): one row per email address (all client
 * addresses together) and one per (email address, client address), known accounts or not
 * (so the slowdown reveals nothing about which addresses have accounts). Keyed by a keyed
 * hash, never an address. In PostgreSQL so every API replica sees the same count.
 */
@Entity({ name: 'login_throttle' })
export class LoginThrottle {
  @PrimaryColumn({ type: 'char', length: 64 })
  key!: string;

  /** Attempts counted since the last success (or since the memory ran out). */
  @Column({ type: 'integer' })
  failures!: number;

  @Index('IDX_login_throttle_last_attempt')
  @Column({ type: 'timestamptz' })
  lastAttemptAt!: Date;

  /** (email, client) rows: no attempt is checked before this. Null on per-address rows. */
  @Column({ type: 'timestamptz', nullable: true })
  notBefore!: Date | null;
}
