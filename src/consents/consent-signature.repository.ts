import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { moveLeadRows } from '../database/move-lead-rows.js';
import { ConsentSignature, type Signer } from './consent-signature.entity.js';

export interface NewConsentSignature {
  id: string;
  leadId: string;
  signer: Signer;
  submissionId: string | null;
  paperworkRequestId: string | null;
  documentSlug: string;
  documentVersion: number;
  textSha256: string;
  signedName: string;
  ip: string | null;
  userAgent: string | null;
  signedAt: Date;
}

/**
 * The only writer of `consent_signature`. Signatures are never edited: a merge moves
 * them, erasure empties the signer's name, address and user agent (the database
 * refuses anything else). Runs in the caller's transaction.
 */
@Injectable()
export class ConsentSignatureRepository {
  async insertMany(manager: EntityManager, signatures: NewConsentSignature[]): Promise<void> {
    if (signatures.length === 0) return;
    const columns = (key: keyof NewConsentSignature) => signatures.map((s) => s[key]);
    await manager.query(
      `INSERT INTO consent_signature
         (id, lead_id, signer, submission_id, paperwork_request_id, document_slug,
          document_version, text_sha256, signed_name, ip, user_agent, signed_at)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::uuid[], $5::uuid[],
                            $6::text[], $7::int[], $8::text[], $9::text[], $10::text[],
                            $11::text[], $12::timestamptz[])`,
      [
        columns('id'),
        columns('leadId'),
        columns('signer'),
        columns('submissionId'),
        columns('paperworkRequestId'),
        columns('documentSlug'),
        columns('documentVersion'),
        columns('textSha256'),
        columns('signedName'),
        columns('ip'),
        columns('userAgent'),
        signatures.map((s) => s.signedAt.toISOString()),
      ],
    );
  }

  async moveToLead(manager: EntityManager, fromLeadId: string, toLeadId: string): Promise<number> {
    return moveLeadRows(manager, ConsentSignature, fromLeadId, toLeadId);
  }

  /** Empties the signer's name, address and user agent of a lead's signatures. */
  async eraseOfLead(manager: EntityManager, leadId: string): Promise<number> {
    const result = await manager
      .createQueryBuilder()
      .update(ConsentSignature)
      .set({ signedName: null, ip: null, userAgent: null })
      .where('lead_id = :leadId', { leadId })
      .andWhere('(signed_name IS NOT NULL OR ip IS NOT NULL OR user_agent IS NOT NULL)')
      .execute();
    return result.affected ?? 0;
  }
}
