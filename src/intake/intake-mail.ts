import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DataCipher } from '../common/encryption/data-cipher.js';
import { MailSources, type MailRow } from '../notifications/mail-sources.js';
import { type PracticeDetails, partnerInvitation } from '../notifications/messages.js';
import { nameForMail } from '../notifications/visitor-mail.js';
import { Intake } from './intake.entity.js';
import { PartnerInvitation } from './partner-invitation.entity.js';
import { PartnerResponse } from './partner-response.entity.js';
import { partnerToken } from './partner-tokens.js';

/**
 * What notifications/ needs of intakes to send their emails, read at delivery time: the
 * address an intake or a partner's answer came from, and the partner's invitation.
 */
@Injectable()
export class IntakeMail implements OnModuleInit {
  constructor(
    private readonly sources: MailSources,
    private readonly cipher: DataCipher,
  ) {}

  onModuleInit(): void {
    this.sources.addSubmitter(
      'intake',
      async (manager, id) => (await manager.getRepository(Intake).findOneBy({ id }))?.email ?? null,
    );
    this.sources.addSubmitter(
      'partner_response',
      async (manager, id) =>
        (await manager.getRepository(PartnerResponse).findOneBy({ id }))?.email ?? null,
    );
    this.sources.addVisitorMail('partner_invitation', {
      address: async (manager, row) => (await this.invitation(manager, row))?.partnerEmail ?? null,
      render: (manager, row, practice) => this.renderInvitation(manager, row, practice),
    });
  }

  private async invitation(manager: EntityManager, row: MailRow) {
    const id = row.context.invitationId;
    return id ? manager.getRepository(PartnerInvitation).findOneBy({ id }) : null;
  }

  /** The link carries a token derived again here from the invitation; none is stored. */
  private async renderInvitation(manager: EntityManager, row: MailRow, practice: PracticeDetails) {
    const invitation = await this.invitation(manager, row);
    const intake =
      invitation && (await manager.getRepository(Intake).findOneBy({ id: invitation.intakeId }));
    if (!invitation || !intake || invitation.usedAt) return undefined;
    const { token } = partnerToken(this.cipher, invitation.id, invitation.tokenKeyId);
    return partnerInvitation(practice, {
      invitedByFirstName: nameForMail(intake.name),
      // The partner's page opens in the inviter's language; the partner may switch.
      link: `${practice.baseUrl}/partner?token=${token}${practice.language === 'es' ? '&lang=es' : ''}`,
      expiresAt: invitation.expiresAt,
    });
  }
}
