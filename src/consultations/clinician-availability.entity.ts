import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { Clinician } from '../clinicians/clinician.entity.js';
import type { DateException, WeeklyWindow } from './availability.js';

/**
 * A clinician's consultation hours (availability.ts holds the rules on them). No row:
 * the clinician has set none and offers no slot.
 */
@Entity()
export class ClinicianAvailability {
  @PrimaryColumn('uuid')
  clinicianId!: string;

  @OneToOne(() => Clinician, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'clinician_id' })
  clinician?: Clinician;

  /** IANA zone the hours are read in. */
  @Column({ type: 'varchar', length: 64 })
  timeZone!: string;

  @Column({ type: 'smallint' })
  slotMinutes!: number;

  @Column({ type: 'smallint' })
  bufferMinutes!: number;

  @Column({ type: 'smallint' })
  minNoticeHours!: number;

  @Column({ type: 'smallint' })
  maxDaysAhead!: number;

  @Column({ type: 'jsonb' })
  weekly!: WeeklyWindow[];

  @Column({ type: 'jsonb' })
  exceptions!: DateException[];

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
