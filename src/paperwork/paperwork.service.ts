import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { type AuditActor, AuditTrail } from '../audit/audit.service.js';
import type { StaffContext } from '../auth/staff-context.js';
import { DataCipher } from '../common/encryption/data-cipher.js';
import { ProblemException } from '../common/problem-details.js';
import { hashToken } from '../common/tokens.js';
import type { ServedDocument } from '../consents/consent-rules.js';
import type { Signer } from '../consents/consent-signature.entity.js';
import { ConsentSignatures, type SigningClient } from '../consents/consent-signatures.service.js';
import { PaperworkRequest } from '../consents/paperwork-request.entity.js';
import { PaperworkRequestRepository } from '../consents/paperwork-request.repository.js';
import { PAPERWORK_VALID_DAYS, paperworkToken } from '../consents/paperwork-tokens.js';
import { LeadAccess } from '../leads/lead-access.js';
import type { Lead } from '../leads/lead.entity.js';
import {
  NotificationsService,
  type PlannedNotification,
} from '../notifications/notifications.service.js';
import type {
  PaperworkReceiptView,
  PaperworkRequestView,
  PaperworkView,
  RequestPaperworkDto,
  SignPaperworkDto,
} from './dto/paperwork.dto.js';

const gone = () => new ProblemException('gone', 'This link has expired or was already used.');
const unknown = () => new ProblemException('not-found', 'This link is not known.');

/** Who is asked to sign, and how their email is addressed. */
interface Person {
  name: string;
  /** Where the link goes: the client's newest submission, or the partner's invitation. */
  recipient:
    | { recipient: 'submitter'; submissionId: string }
    | { recipient: 'partner'; invitationId: string };
}

const summary = ({ slug, version, title }: ServedDocument) => ({ slug, version, title });

/**
 * Paperwork requests (docs/api.md#consent-documents-and-e-signature): staff email a client
 * (or partner) a one-time link to sign what is still missing; the link's page signs it.
 */
@Injectable()
export class PaperworkService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: LeadAccess,
    private readonly audit: AuditTrail,
    private readonly cipher: DataCipher,
    private readonly signatures: ConsentSignatures,
    private readonly requests: PaperworkRequestRepository,
    private readonly notifications: NotificationsService,
  ) {}

  async request(
    staff: StaffContext,
    actor: AuditActor,
    leadId: string,
    dto: RequestPaperworkDto,
  ): Promise<PaperworkRequestView> {
    const signer = dto.signer ?? 'client';
    return this.dataSource.transaction(async (manager) => {
      const lead = await this.access.visibleLead(manager, staff, leadId, { lock: true });
      if (lead.erasedAt || lead.mergedIntoLeadId) {
        throw new ProblemException(
          'conflict',
          'This lead was erased or merged: ask nobody to sign for it.',
        );
      }
      const person = await this.person(manager, lead, signer);
      if (!person) {
        throw ProblemException.validation([
          { field: 'signer', message: 'this lead has no partner to ask' },
        ]);
      }
      const missing = await this.missing(manager, lead, signer);
      if (missing.length === 0) {
        throw new ProblemException('conflict', 'Everything required is signed already.');
      }
      const id = randomUUID();
      const { hash, keyId } = paperworkToken(this.cipher, id);
      const expiresAt = new Date(Date.now() + PAPERWORK_VALID_DAYS * 86_400_000);
      await this.requests.insert(manager, {
        id,
        leadId: lead.id,
        signer,
        partnerInvitationId:
          person.recipient.recipient === 'partner' ? person.recipient.invitationId : null,
        tokenHash: hash,
        tokenKeyId: keyId,
        expiresAt,
        usedAt: null,
        requestedByUserId: staff.user.id,
      });
      const plan: PlannedNotification = {
        kind: 'paperwork_request',
        dedupeKey: `paperwork_request:${id}`,
        leadId: lead.id,
        context: {
          paperworkRequestId: id,
          ...(person.recipient.recipient === 'partner'
            ? { invitationId: person.recipient.invitationId }
            : {}),
        },
        // A lead kept for review writes to nobody's address until staff release it.
        hold: lead.needsReview,
        ...(person.recipient.recipient === 'partner'
          ? { recipient: 'partner' as const }
          : { recipient: 'submitter' as const, submissionId: person.recipient.submissionId }),
      };
      await this.notifications.planIn(manager, [plan]);
      await this.audit.record(
        actor,
        {
          action: 'lead.paperwork_requested',
          leadId: lead.id,
          subjectType: 'paperwork_request',
          subjectId: id,
          details: { signer, documents: missing.map((d) => `${d.slug}@${d.version}`) },
        },
        manager,
      );
      return { id, signer, expiresAt: expiresAt.toISOString(), documents: missing.map(summary) };
    });
  }

  /** What the link's holder still has to sign; 404 unknown link, 410 expired or used. */
  async show(token: string): Promise<PaperworkView> {
    const { request, lead } = await this.open(token);
    return {
      documents: await this.missing(this.dataSource.manager, lead, request.signer),
      expiresAt: request.expiresAt.toISOString(),
    };
  }

  /** Signs through the link, once: the link is spent in the signatures' transaction. */
  async sign(
    token: string,
    dto: SignPaperworkDto,
    client: SigningClient,
  ): Promise<PaperworkReceiptView> {
    const { request, lead } = await this.open(token);
    const person = await this.person(this.dataSource.manager, lead, request.signer);
    const missing = await this.missing(this.dataSource.manager, lead, request.signer);
    const { errors, checked } = this.signatures.check(missing, dto.signatures, person?.name ?? '');
    if (errors.length > 0) throw ProblemException.validation(errors);
    const signedAt = new Date();
    await this.dataSource.transaction(async (manager) => {
      // Of two uses racing, one spends the link; the other stores nothing.
      if (!(await this.requests.spend(manager, request.tokenHash, signedAt))) throw gone();
      await this.signatures.storeIn(manager, checked, {
        leadId: request.leadId,
        signer: request.signer,
        submissionId: null,
        paperworkRequestId: request.id,
        signedAt,
        client,
      });
    });
    return { signedAt: signedAt.toISOString(), documents: missing.map(summary) };
  }

  private async open(token: string): Promise<{ request: PaperworkRequest; lead: Lead }> {
    if (token.length > 200) throw unknown();
    const request = await this.dataSource
      .getRepository(PaperworkRequest)
      .findOne({ where: { tokenHash: hashToken(token) }, relations: { lead: true } });
    if (!request?.lead) throw unknown();
    if (request.usedAt || request.expiresAt.getTime() <= Date.now() || request.lead.erasedAt) {
      throw gone();
    }
    return { request, lead: request.lead };
  }

  /** The current documents for the lead's service that this person has not signed as they are. */
  private async missing(
    manager: EntityManager,
    lead: Lead,
    signer: Signer,
  ): Promise<ServedDocument[]> {
    // In the lead's language, as its forms were: a Spanish client signs the Spanish texts.
    const required = await this.signatures.required(lead.serviceType, lead.language);
    const signed = (await manager.query(
      `SELECT DISTINCT document_slug, document_version FROM consent_signature
        WHERE lead_id = $1 AND signer = $2`,
      [lead.id, signer],
    )) as { document_slug: string; document_version: number }[];
    return required.filter(
      (document) =>
        !signed.some(
          (row) => row.document_slug === document.slug && row.document_version === document.version,
        ),
    );
  }

  /** The client (their newest submission's address) or the partner of the newest couples intake. */
  private async person(manager: EntityManager, lead: Lead, signer: Signer): Promise<Person | null> {
    if (signer === 'client') {
      const [submission] = (await manager.query(
        `SELECT submission_id FROM submission_reference
          WHERE lead_id = $1 AND kind IN ('inquiry', 'intake')
          ORDER BY created_at DESC LIMIT 1`,
        [lead.id],
      )) as { submission_id: string }[];
      if (!submission) return null;
      return {
        name: lead.name,
        recipient: { recipient: 'submitter', submissionId: submission.submission_id },
      };
    }
    const [partner] = (await manager.query(
      `SELECT pi.id, coalesce(pr.name, pi.partner_name) AS name
         FROM partner_invitation pi
         JOIN intake i ON i.id = pi.intake_id
         LEFT JOIN partner_response pr ON pr.invitation_id = pi.id
        WHERE i.lead_id = $1
        ORDER BY pi.created_at DESC LIMIT 1`,
      [lead.id],
    )) as { id: string; name: string }[];
    if (!partner) return null;
    return { name: partner.name, recipient: { recipient: 'partner', invitationId: partner.id } };
  }
}
