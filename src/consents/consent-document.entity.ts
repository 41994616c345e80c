import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
} from 'typeorm';
import { User } from '../users/user.entity.js';

/**
 * A consent document the practice asks clients to sign (docs/api.md#consent-documents-and-e-signature):
 * its slug, language and the services it is required for. Its texts are its versions.
 */
@Entity()
@Check('CHK_consent_document_slug', `"slug" ~ '^[a-z0-9][a-z0-9-]{0,59}$'`)
export class ConsentDocument {
  @PrimaryColumn({ type: 'varchar', length: 60 })
  slug!: string;

  @Column({ type: 'varchar', length: 8 })
  lang!: string;

  /** Service types whose intake lists this document (`individual`, `couples`, …). */
  @Column({ type: 'text', array: true })
  requiredFor!: string[];

  @ManyToOne(() => User, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'created_by_user_id' })
  createdBy?: User;

  /** Null for the example shipped with the service. */
  @Column({ type: 'uuid', nullable: true })
  createdByUserId!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
