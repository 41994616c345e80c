import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The first answer to a request sent with an `Idempotency-Key`, kept 24 hours so a
 * retry gets the same answer and creates nothing. Holds no personal data: only a hash
 * of the request and the public response (ids and a reference).
 */
@Entity()
@Index('IDX_idempotency_record_created', ['createdAt'])
export class IdempotencyRecord {
  /** The route the key belongs to, e.g. "POST /v1/inquiries". */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  scope!: string;

  @PrimaryColumn({ type: 'varchar', length: 255 })
  key!: string;

  /** SHA-256 of the canonical JSON of the validated body. */
  @Column({ type: 'char', length: 64 })
  requestHash!: string;

  @Column({ type: 'int', nullable: true })
  responseStatus!: number | null;

  /** `json`, not `jsonb`: a replay must repeat the first answer byte for byte. */
  @Column({ type: 'json', nullable: true })
  responseBody!: unknown;

  @Column({ type: 'timestamptz' })
  createdAt!: Date;
}
