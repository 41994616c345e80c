import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DataCipher, KeyRingError } from '../common/encryption/data-cipher.js';
import { ConsentSignatures } from '../consents/consent-signatures.service.js';
import { PaperworkRequest } from '../consents/paperwork-request.entity.js';
import { paperworkToken } from '../consents/paperwork-tokens.js';
import { MailSources } from '../notifications/mail-sources.js';
import { paperworkRequest } from '../notifications/messages.js';

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
    // A paperwork link, its token derived again here; one used or expired is not sent.
    this.sources.addMessage('paperwork_request', async (manager, notification, practice) => {
      const request = await manager
        .getRepository(PaperworkRequest)
        .findOneBy({ id: notification.context.paperworkRequestId });
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
    });
  }
}
