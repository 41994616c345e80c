import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DataCipher, KeyRingError } from '../common/encryption/data-cipher.js';
import { ConsentSignatures } from '../consents/consent-signatures.service.js';
import { PaperworkRequest } from '../consents/paperwork-request.entity.js';
import { paperworkToken } from '../consents/paperwork-tokens.js';
import type { EntityManager } from 'typeorm';
import { PartnerInvitation } from '../intake/partner-invitation.entity.js';
import { MailSources, type MailRow } from '../notifications/mail-sources.js';
import { type PracticeDetails, paperworkRequest } from '../notifications/messages.js';

/**
 * What notifications/ sends of consent documents, read at delivery time: the PDFs a client
 * signed with a submission (attached to its acknowledgement) and the paperwork link.
 */
@Injectable()
export class PaperworkMail implements OnModuleInit {
  constructor(
    private readonly sources: MailSources,
    private readonly signatures: ConsentSignatures,
    private readonly cipher: DataCipher,
  ) {}

  onModuleInit(): void {
    this.sources.addAttachments('client_acknowledgement', async (manager, submissionId) => {
      const signed = await this.signatures.ofSubmission(manager, submissionId);
      return Promise.all(
        signed.map(async (document) => ({
          filename: this.signatures.fileName(document),
          contentType: 'application/pdf',
          content: await this.signatures.pdf(document),
        })),
      );
    });
    // To the client (a submitter) or to a partner, whose address the invitation holds.
    this.sources.addVisitorMail('paperwork_request', {
      address: async (manager, row) => {
        const id = row.context.invitationId;
        const invitation = id
          ? await manager.getRepository(PartnerInvitation).findOneBy({ id })
          : null;
        return invitation?.partnerEmail ?? null;
      },
      render: (manager, row, practice) => this.renderRequest(manager, row, practice),
    });
  }

  /** A paperwork link, its token derived again here; one used or expired is not sent. */
  private async renderRequest(manager: EntityManager, row: MailRow, practice: PracticeDetails) {
    const request = await manager
      .getRepository(PaperworkRequest)
      .findOneBy({ id: row.context.paperworkRequestId });
    if (!request || request.usedAt || request.expiresAt <= new Date()) return undefined;
    let token: string;
    try {
      token = paperworkToken(this.cipher, request.id, request.tokenKeyId).token;
    } catch (error) {
      if (error instanceof KeyRingError) return undefined;
      throw error;
    }
    return paperworkRequest(practice, {
      link: `${practice.baseUrl}/paperwork?token=${token}`,
      expiresAt: request.expiresAt,
    });
  }
}
