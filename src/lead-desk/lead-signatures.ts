import { ApiProperty } from '@nestjs/swagger';
import type { SignatureRow } from './lead-signatures.query.js';

const nullableText = { type: String, nullable: true } as const;

/** One consent document signed by the client or their partner, with a link to its PDF. */
export class SignatureView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({
    enum: ['client', 'partner'],
    description: 'Who signed: each partner signs their own',
  })
  signer!: 'client' | 'partner';
  @ApiProperty({ example: 'informed-consent' }) slug!: string;
  @ApiProperty({ example: 1 }) version!: number;
  @ApiProperty() title!: string;
  @ApiProperty({ description: 'SHA-256 (hex) of the exact text signed: title, blank line, body' })
  textSha256!: string;
  @ApiProperty({ ...nullableText, description: 'Null once erased' }) signedName!: string | null;
  @ApiProperty({ ...nullableText, description: 'Null once erased' }) ip!: string | null;
  @ApiProperty({ ...nullableText, description: 'Null once erased' }) userAgent!: string | null;
  @ApiProperty({ format: 'date-time' }) signedAt!: string;
  @ApiProperty({
    enum: ['intake', 'paperwork'],
    description: 'Signed with a form, or later by link',
  })
  via!: 'intake' | 'paperwork';
  @ApiProperty({ example: '/v1/admin/leads/…/signatures/….pdf' }) pdfUrl!: string;
}

export function toSignatureView(leadId: string, row: SignatureRow): SignatureView {
  return {
    id: row.id,
    signer: row.signer,
    slug: row.document_slug,
    version: row.document_version,
    title: row.title,
    textSha256: row.text_sha256,
    signedName: row.signed_name,
    ip: row.ip,
    userAgent: row.user_agent,
    signedAt: row.signed_at.toISOString(),
    via: row.paperwork_request_id ? 'paperwork' : 'intake',
    pdfUrl: `/v1/admin/leads/${leadId}/signatures/${row.id}.pdf`,
  };
}
