import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { PreferredContact, ServiceType } from '../leads/contact.js';
import type { SpamReason } from '../submissions/spam.js';

/** An inquiry row as stored; `messageEncrypted` sealed for this row by the caller. */
export interface NewInquiry {
  id: string;
  leadId: string;
  reference: string;
  name: string;
  email: string;
  phone: string | null;
  preferredContact: PreferredContact;
  serviceType: ServiceType;
  state: string | null;
  messageEncrypted: string;
  referralSource: string | null;
  consentContact: boolean;
  privacyNoticeVersion: string;
  formStartedAt: Date | null;
  receivedAt: Date;
  spamReason: SpamReason | null;
  crisisIndicated: boolean;
}

/** The only writer of the `inquiry` table. */
@Injectable()
export class InquiryRepository {
  async insert(manager: EntityManager, row: NewInquiry): Promise<void> {
    await manager.query(
      `INSERT INTO inquiry (id, lead_id, reference, name, email, phone, preferred_contact,
                            service_type, state, message, message_encrypted, referral_source,
                            consent_contact, privacy_notice_version, form_started_at,
                            received_at, spam_reason, crisis_indicated)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, NULL, $10, $11, $12, $13, $14, $15, $16, $17)`,
      [
        row.id,
        row.leadId,
        row.reference,
        row.name,
        row.email,
        row.phone,
        row.preferredContact,
        row.serviceType,
        row.state,
        row.messageEncrypted,
        row.referralSource,
        row.consentContact,
        row.privacyNoticeVersion,
        row.formStartedAt,
        row.receivedAt,
        row.spamReason,
        row.crisisIndicated,
      ],
    );
  }
}
