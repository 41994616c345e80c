import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CaptchaCheck } from '../captcha/captcha.service.js';
import { Metrics } from '../metrics/metrics.service.js';
import { DataCipher } from '../common/encryption/data-cipher.js';
import { SEALED_COLUMNS } from '../vocabulary/sealed-columns.js';
import { IdempotencyService } from '../common/idempotency/idempotency.service.js';
import { ProblemException } from '../common/problem-details.js';
import type { Lead } from '../leads/lead.entity.js';
import { LeadsService } from '../leads/leads.service.js';
import { SubmissionReferences } from '../leads/submission-references.service.js';
import { crisisResourcesIf, textSuggestsCrisis } from '../vocabulary/urgency.js';
import { JobQueue } from '../queue/job-queue.js';
import { PracticeSettings } from '../settings/practice-settings.js';
import type { CreateInquiryDto } from './dto/create-inquiry.dto.js';
import type { SubmissionReceiptDto } from './dto/inquiry-receipt.dto.js';
import { Inquiry } from './inquiry.entity.js';
import { spamReason } from './spam.js';

const IDEMPOTENCY_SCOPE = 'POST /v1/inquiries';
/** Purpose bound into the ciphertext of an inquiry's message. */

@Injectable()
export class InquiriesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: PracticeSettings,
    private readonly leads: LeadsService,
    private readonly references: SubmissionReferences,
    private readonly idempotency: IdempotencyService,
    private readonly jobs: JobQueue,
    private readonly cipher: DataCipher,
    private readonly captcha: CaptchaCheck,
    private readonly metrics: Metrics,
  ) {}

  /**
   * Stores a reach-out form with its lead, its reference and the job that tells staff,
   * all in one transaction. Bots get the same answer as people, and nobody is told.
   */
  async receive(
    dto: CreateInquiryDto,
    idempotencyKey?: string,
    client: { ip?: string } = {},
  ): Promise<SubmissionReceiptDto> {
    const missing = this.captcha.missingToken(dto.captchaToken);
    if (missing.length > 0) throw ProblemException.validation(missing);
    // Asked before the transaction: no connection waits on the provider. A refusal is
    // raised only for a request that is not a replay (a retry of a stored submission
    // gets its first answer, though its one-time token was used up by the first).
    const captcha = await this.captcha.verify(dto.captchaToken, client.ip);
    // The token proves a person, it is not part of what was sent: a retry with a fresh
    // token is still the same request.
    const request = { ...dto, captchaToken: undefined };
    let started: Lead | undefined;
    const receipt = await this.dataSource.transaction((manager) =>
      this.idempotency.once(manager, IDEMPOTENCY_SCOPE, idempotencyKey, request, async () => {
        if (captcha.outcome === 'rejected') throw this.captcha.rejection();
        const receivedAt = new Date();
        const { spamMinSeconds, targets } = await this.settings.forSubmission(manager);
        const spam = spamReason(dto, receivedAt, spamMinSeconds);
        const crisis = textSuggestsCrisis(dto.message);
        const preferredContact = dto.preferredContact ?? 'email';
        const { lead, created } = await this.leads.leadForSubmission(
          manager,
          {
            name: dto.name,
            email: dto.email,
            phone: dto.phone,
            state: dto.state,
            preferredContact,
            serviceType: dto.serviceType,
            source: dto.referralSource,
          },
          {
            spam: spam !== null,
            targets,
            urgency: crisis ? 'crisis' : 'routine',
            receivedAt,
            ...(captcha.outcome === 'unavailable' ? { review: 'captcha_unavailable' } : {}),
          },
        );

        if (created && spam === null) started = lead;
        const id = randomUUID();
        const reference = await this.references.allocate(manager, lead.id, 'inquiry', id);
        await manager.getRepository(Inquiry).insert({
          id,
          leadId: lead.id,
          reference,
          name: dto.name,
          email: dto.email,
          phone: dto.phone ?? null,
          preferredContact,
          serviceType: dto.serviceType,
          state: dto.state ?? null,
          message: null,
          messageEncrypted: this.cipher.encrypt(
            dto.message ?? '',
            SEALED_COLUMNS.inquiryMessage,
            id,
          ),
          referralSource: dto.referralSource ?? null,
          consentContact: dto.consent.contact,
          privacyNoticeVersion: dto.consent.privacyNoticeVersion,
          formStartedAt: dto.formStartedAt ? new Date(dto.formStartedAt) : null,
          receivedAt,
          spamReason: spam,
          crisisIndicated: crisis,
        });

        if (spam === null) {
          await this.jobs.enqueueIn(manager, 'lead.submission-received', {
            leadId: lead.id,
            submissionId: id,
            submissionKind: 'inquiry',
            leadCreated: created,
          });
        }

        const receipt: SubmissionReceiptDto = {
          id,
          reference,
          receivedAt: receivedAt.toISOString(),
          // Shown whenever the words suggest crisis, spam or not: a person who tripped a
          // bot check must still see where to get help now.
          ...crisisResourcesIf(crisis),
        };
        return receipt;
      }),
    );
    // Counted once committed; a replayed request started nothing.
    if (started) this.metrics.leadCreated(started);
    return receipt;
  }
}
