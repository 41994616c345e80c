import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Lead } from '../leads/lead.entity.js';
import { ConsentDocumentVersion } from './consent-document-version.entity.js';

export const SIGNERS = ['client', 'partner'] as const;
export type Signer = (typeof SIGNERS)[number];

/**
 * One person's signature of one document version. Append-only: the database refuses
 * UPDATE and DELETE except a merge moving it to another lead and erasure emptying the
 * personal data (name, address, user agent), which are kept in plain text like the
 * intake's own name so that erasure can empty them (docs/api.md#consent-documents-and-e-signature).
 */
@Entity()
@Index('IDX_consent_signature_lead', ['leadId', 'signedAt'])
@Index('IDX_consent_signature_submission', ['submissionId'])
@Check('CHK_consent_signature_signer', `"signer" IN ('client', 'partner')`)
export class ConsentSignature {
  @PrimaryColumn('uuid')
  id!: string;

  @ManyToOne(() => Lead, { onDelete: 'CASCADE' })
  lead?: Lead;

  @Column('uuid')
  leadId!: string;

  @Column({ type: 'varchar', length: 16 })
  signer!: Signer;

  /** The intake or partner response it was signed with; null when signed later. */
  @Column({ type: 'uuid', nullable: true })
  submissionId!: string | null;

  /** The paperwork request whose link it was signed through. */
  @Column({ type: 'uuid', nullable: true })
  paperworkRequestId!: string | null;

  @ManyToOne(() => ConsentDocumentVersion, { onDelete: 'RESTRICT' })
  @JoinColumn([
    { name: 'document_slug', referencedColumnName: 'slug' },
    { name: 'document_version', referencedColumnName: 'version' },
  ])
  document?: ConsentDocumentVersion;

  @Column({ type: 'varchar', length: 60 })
  documentSlug!: string;

  @Column('int')
  documentVersion!: number;

  /** SHA-256 (hex) of the exact text signed. */
  @Column({ type: 'char', length: 64 })
  textSha256!: string;

  /** Emptied (null) by erasure, with the address and user agent. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  signedName!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip!: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  userAgent!: string | null;

  @Column({ type: 'timestamptz' })
  signedAt!: Date;
}
