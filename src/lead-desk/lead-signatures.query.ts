import type { EntityManager } from 'typeorm';
import { queryPrepared } from '../database/prepared-statements.js';

/** A signature row as stored, with its document's title. */
export interface SignatureRow {
  id: string;
  signer: 'client' | 'partner';
  document_slug: string;
  document_version: number;
  title: string;
  text_sha256: string;
  signed_name: string | null;
  ip: string | null;
  user_agent: string | null;
  signed_at: Date;
  submission_id: string | null;
  paperwork_request_id: string | null;
}

/** The lead's signatures, oldest first (SQL only). */
export async function signatureRows(
  manager: EntityManager,
  leadId: string,
): Promise<SignatureRow[]> {
  return queryPrepared<SignatureRow>(
    manager,
    `SELECT s.id, s.signer, s.document_slug, s.document_version, v.title, s.text_sha256,
            s.signed_name, s.ip, s.user_agent, s.signed_at, s.submission_id, s.paperwork_request_id
       FROM consent_signature s
       JOIN consent_document_version v ON v.slug = s.document_slug AND v.version = s.document_version
      WHERE s.lead_id = $1
      ORDER BY s.signed_at, s.signer, s.document_slug`,
    [leadId],
  );
}
