import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  OneToOne,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { ServiceType } from '../vocabulary/contact.js';
import { User } from '../users/user.entity.js';

/**
 * A clinician's practice profile, used for matching and assignment. Linked to the staff
 * account that signs in as this clinician, if any (leads assigned here are theirs to see).
 */
@Entity()
export class Clinician {
  @PrimaryColumn('uuid')
  id!: string;

  @OneToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn()
  user?: User | null;

  @Column({ type: 'uuid', nullable: true })
  userId!: string | null;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 254 })
  email!: string;

  /** e.g. gottman, eft, ifs, cbt (lower case). */
  @Column({ type: 'text', array: true, default: () => `'{}'` })
  modalities!: string[];

  @Column({ type: 'text', array: true, default: () => `'{}'` })
  serviceTypes!: ServiceType[];

  /** USPS codes of the states the clinician is licensed in. */
  @Column({ type: 'text', array: true, default: () => `'{}'` })
  licensedStates!: string[];

  @Column({ type: 'boolean', default: true })
  acceptingNewClients!: boolean;

  /** New clients the clinician can take on per week. */
  @Column({ type: 'integer', default: 0 })
  weeklyCapacity!: number;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
