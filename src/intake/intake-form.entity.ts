import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { FormDefinition } from './form-definition.js';

/**
 * One published version of an intake form. Versions are added by migration and never
 * changed, so an old submission is always scored against the questions it answered.
 */
@Entity()
export class IntakeForm {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  slug!: string;

  @PrimaryColumn({ type: 'int' })
  version!: number;

  @Column({ type: 'jsonb' })
  definition!: FormDefinition;

  @CreateDateColumn({ type: 'timestamptz' })
  publishedAt!: Date;
}
