import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { PreferredContact, ServiceType } from '../vocabulary/contact.js';
import type { StatementParams } from '../leads/lead.repository.js';
import type { SpamReason } from '../submissions/spam.js';
import { Inquiry } from './inquiry.entity.js';
import { moveLeadRows } from '../database/move-lead-rows.js';

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

const COLUMNS = `id, lead_id, reference, name, email, phone, preferred_contact, service_type,
  state, message, message_encrypted, referral_source, consent_contact, privacy_notice_version,
  form_started_at, received_at, spam_reason, crisis_indicated`;

/** The only writer of the `inquiry` table. */
@Injectable()
export class InquiryRepository {
  /**
   * The INSERT as part of the statement that files the submission under its lead: it
   * takes the lead's id from that statement's `lead_row` (LeadRepository).
   */
  insertUnderLead(params: StatementParams, row: Omit<NewInquiry, 'leadId'>): string {
    return `INSERT INTO inquiry (${COLUMNS})
      SELECT ${params.add(row.id, 'uuid')}, lead_row.id, ${params.add(row.reference, 'varchar')},
             ${params.add(row.name, 'varchar')}, ${params.add(row.email, 'varchar')},
             ${params.add(row.phone, 'varchar')}, ${params.add(row.preferredContact, 'varchar')},
             ${params.add(row.serviceType, 'varchar')}, ${params.add(row.state, 'varchar')}, NULL,
             ${params.add(row.messageEncrypted, 'text')}, ${params.add(row.referralSource, 'varchar')},
             ${params.add(row.consentContact, 'boolean')},
             ${params.add(row.privacyNoticeVersion, 'varchar')},
             ${params.add(row.formStartedAt, 'timestamptz')}, ${params.add(row.receivedAt, 'timestamptz')},
             ${params.add(row.spamReason, 'varchar')}, ${params.add(row.crisisIndicated, 'boolean')}
        FROM lead_row`;
  }

  /** Erasure: empties the personal data of a lead's inquiries; answers how many. */
  async eraseOfLead(manager: EntityManager, leadId: string): Promise<number> {
    const result = await manager
      .createQueryBuilder()
      .update(Inquiry)
      .set({
        name: '',
        email: '',
        phone: null,
        state: null,
        message: null,
        messageEncrypted: null,
        referralSource: null,
      })
      .where('lead_id = :leadId', { leadId })
      .execute();
    return result.affected ?? 0;
  }

  /** Merge: the inquiries of one lead move to another; answers how many. */
  async moveToLead(manager: EntityManager, fromLeadId: string, toLeadId: string): Promise<number> {
    return moveLeadRows(manager, Inquiry, fromLeadId, toLeadId);
  }
}
