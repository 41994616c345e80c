import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One counter of a rate limit (src/rate-limit): how many requests a key made in
 * its current window. In PostgreSQL so every API replica counts together. The key is
 * the rule's name and a keyed hash of the client address or email: never either itself.
 */
@Entity()
@Index('IDX_rate_limit_bucket_window_ends', ['windowEndsAt'])
export class RateLimitBucket {
  /** `<rule>:<keyed hash>`, e.g. `submission-ip:Zm9v…`. */
  @PrimaryColumn({ type: 'varchar', length: 120 })
  key!: string;

  @Column({ type: 'integer' })
  hits!: number;

  /** The window began with the first request after the last one ended; it ends here. */
  @Column({ type: 'timestamptz' })
  windowEndsAt!: Date;
}
