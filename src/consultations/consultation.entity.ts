import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Exclusion,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
} from 'typeorm';
import { Clinician } from '../clinicians/clinician.entity.js';
import { Lead } from '../leads/lead.entity.js';

export const BOOKED_VIA = ['client', 'staff'] as const;
export type BookedVia = (typeof BOOKED_VIA)[number];

/**
 * A first conversation booked for a lead with a clinician. The database refuses two live
 * (not cancelled) consultations of one clinician whose times overlap, whoever books them
 * and however many at once: an exclusion constraint on the clinician and the time range
 * `[startsAt, endsAt)` as a `tstzrange` (btree_gist gives the `=` on the clinician).
 */
@Entity()
@Check('CHK_consultation_times', `"ends_at" > "starts_at"`)
@Check('CHK_consultation_booked_via', `"booked_via" IN ('client', 'staff')`)
@Exclusion(
  'EX_consultation_no_overlap',
  `USING gist ("clinician_id" WITH =, tstzrange("starts_at", "ends_at", '[)') WITH &&) WHERE ("cancelled_at" IS NULL)`,
)
@Index('IDX_consultation_starts', ['startsAt', 'id'])
@Index('IDX_consultation_lead', ['leadId'])
export class Consultation {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  leadId!: string;

  @ManyToOne(() => Lead, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'lead_id' })
  lead?: Lead;

  @Column('uuid')
  clinicianId!: string;

  @ManyToOne(() => Clinician, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'clinician_id' })
  clinician?: Clinician;

  @Column({ type: 'timestamptz' })
  startsAt!: Date;

  @Column({ type: 'timestamptz' })
  endsAt!: Date;

  @Column({ type: 'varchar', length: 8 })
  bookedVia!: BookedVia;

  /** The staff member who booked it; null when the client did. */
  @Column({ type: 'uuid', nullable: true })
  bookedByUserId!: string | null;

  /** The invite's SEQUENCE: raised on every change sent to calendars (a cancellation). */
  @Column({ type: 'integer', default: 0 })
  sequence!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  cancelledAt!: Date | null;

  @Column({ type: 'varchar', length: 8, nullable: true })
  cancelledVia!: BookedVia | null;
}
