import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { type AuditActor, AuditTrail } from '../audit/audit.service.js';
import type { StaffContext } from '../auth/staff-context.js';
import { ProblemException } from '../common/problem-details.js';
import { isUuid } from '../common/uuid.js';
import { ConsentSignatures } from '../consents/consent-signatures.service.js';
import { LeadAccess } from '../leads/lead-access.js';

/** GET /v1/admin/leads/:id/signatures/:signatureId.pdf: a signed document, scoped like the lead. */
@Injectable()
export class LeadSignaturesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: LeadAccess,
    private readonly signatures: ConsentSignatures,
    private readonly audit: AuditTrail,
  ) {}

  /** The PDF and its file name; 404 for a lead one may not see or a signature not its own. */
  async pdf(
    staff: StaffContext,
    actor: AuditActor,
    leadId: string,
    signatureId: string,
  ): Promise<{ pdf: Buffer; fileName: string }> {
    return this.dataSource.transaction(async (manager) => {
      const lead = await this.access.visibleLead(manager, staff, leadId);
      const signed = isUuid(signatureId)
        ? await this.signatures.ofLead(manager, lead.id, signatureId)
        : undefined;
      if (!signed) throw new ProblemException('not-found');
      await this.audit.record(
        actor,
        {
          action: 'lead.signature_downloaded',
          leadId: lead.id,
          subjectType: 'consent_signature',
          subjectId: signatureId,
          details: {
            slug: signed.signature.documentSlug,
            version: signed.signature.documentVersion,
          },
        },
        manager,
      );
      return { pdf: await this.signatures.pdf(signed), fileName: this.signatures.fileName(signed) };
    });
  }
}
