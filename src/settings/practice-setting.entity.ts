import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/** The id of the one row of `practice_setting` (its migration inserts it). */
export const PRACTICE_SETTING_ROW = 1;

/**
 * The practice's settings changed through the admin API (`/v1/admin/settings`,
 * docs/api.md#clinicians-stats-settings).
 * One row; a null value means "the environment's default" (RESPONSE_TARGET_*,
 * SPAM_MIN_SECONDS), so an unset setting follows the configuration it replaces.
 */
@Entity()
@Check('CHK_practice_setting_one_row', `"id" = 1`)
export class PracticeSetting {
  @PrimaryColumn({ type: 'smallint' })
  id!: number;

  @Column({ type: 'integer', nullable: true })
  responseTargetCrisisMinutes!: number | null;

  @Column({ type: 'integer', nullable: true })
  responseTargetHighMinutes!: number | null;

  @Column({ type: 'integer', nullable: true })
  responseTargetRoutineBusinessDays!: number | null;

  @Column({ type: 'integer', nullable: true })
  spamMinSeconds!: number | null;

  /** Whether clients may book a first conversation themselves (read by booking). */
  @Column({ type: 'boolean', default: false })
  bookingEnabled!: boolean;

  /** When a setting was last changed through the API; null while all are defaults. */
  @Column({ type: 'timestamptz', nullable: true })
  updatedAt!: Date | null;
}
