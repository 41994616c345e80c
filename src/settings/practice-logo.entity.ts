import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/** The practice's logo (one row, id 1), kept apart so reading the settings never reads it. */
@Entity()
@Check('CHK_practice_logo_one_row', `"id" = 1`)
@Check('CHK_practice_logo_content_type', `"content_type" IN ('image/png', 'image/jpeg')`)
export class PracticeLogo {
  @PrimaryColumn({ type: 'smallint' })
  id!: number;

  @Column({ type: 'varchar', length: 16 })
  contentType!: 'image/png' | 'image/jpeg';

  @Column({ type: 'bytea' })
  bytes!: Buffer;

  /** A hash of the bytes: the ETag, and the version in the logo's address. */
  @Column({ type: 'varchar', length: 64 })
  etag!: string;

  @Column({ type: 'timestamptz' })
  updatedAt!: Date;
}
