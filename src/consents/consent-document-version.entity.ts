import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { User } from '../users/user.entity.js';
import { ConsentDocument } from './consent-document.entity.js';

/** One published text of a consent document. The database refuses any change to it. */
@Entity()
export class ConsentDocumentVersion {
  @PrimaryColumn({ type: 'varchar', length: 60 })
  slug!: string;

  @PrimaryColumn('int')
  version!: number;

  @ManyToOne(() => ConsentDocument, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'slug' })
  document?: ConsentDocument;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  /** Markdown, at most 100 000 characters. */
  @Column('text')
  body!: string;

  /** SHA-256 (hex) of the text a signer is shown: see `signedText`. */
  @Column({ type: 'char', length: 64 })
  textSha256!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'published_by_user_id' })
  publishedBy?: User;

  @Column({ type: 'uuid', nullable: true })
  publishedByUserId!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  publishedAt!: Date;
}
