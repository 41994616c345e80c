import { Injectable } from '@nestjs/common';
import { DataCipher } from '../common/encryption/data-cipher.js';
import { SEALED_COLUMNS } from '../vocabulary/sealed-columns.js';
import { ProblemException } from '../common/problem-details.js';
import { CaptchaCheck } from '../captcha/captcha.service.js';
import { crisisResourcesIf, textSuggestsCrisis } from '../vocabulary/urgency.js';
import type { Language } from '../vocabulary/languages.js';
import { SubmissionPipeline } from '../submissions/submission-pipeline.js';
import type { CreateInquiryDto } from './dto/create-inquiry.dto.js';
import type { SubmissionReceiptDto } from './dto/inquiry-receipt.dto.js';
import { InquiryRepository } from './inquiry.repository.js';

const IDEMPOTENCY_SCOPE = 'POST /v1/inquiries';

@Injectable()
export class InquiriesService {
  constructor(
    private readonly pipeline: SubmissionPipeline,
    private readonly inquiries: InquiryRepository,
    private readonly cipher: DataCipher,
    private readonly captcha: CaptchaCheck,
  ) {}

  /**
   * Stores a reach-out form with its lead, its reference and the job that tells staff,
   * all in one transaction. Bots get the same answer as people, and nobody is told.
   */
  async receive(
    dto: CreateInquiryDto,
    idempotencyKey?: string,
    client: { ip?: string; language?: Language } = {},
  ): Promise<SubmissionReceiptDto> {
    const missing = this.captcha.missingToken(dto.captchaToken);
    if (missing.length > 0) throw ProblemException.validation(missing);
    const crisis = textSuggestsCrisis(dto.message);
    const language = dto.lang ?? client.language ?? 'en';
    const preferredContact = dto.preferredContact ?? 'email';
    return this.pipeline.submit<SubmissionReceiptDto>({
      kind: 'inquiry',
      // The token proves a person, it is not part of what was sent: a retry with a fresh
      // token is still the same request.
      idempotency: {
        scope: IDEMPOTENCY_SCOPE,
        key: idempotencyKey,
        request: { ...dto, captchaToken: undefined },
      },
      captcha: { token: dto.captchaToken, ip: client.ip },
      spamSignals: dto,
      lead: {
        contact: {
          name: dto.name,
          email: dto.email,
          phone: dto.phone,
          state: dto.state,
          preferredContact,
          serviceType: dto.serviceType,
          source: dto.referralSource,
          attribution: dto.attribution,

          language,
        },
        urgency: crisis ? 'crisis' : 'routine',
      },
      receipt: ({ id, reference, receivedAt }) => ({
        id,
        reference,
        receivedAt: receivedAt.toISOString(),
        // Shown whenever the words suggest crisis, spam or not: a person who tripped a
        // bot check must still see where to get help now.
        ...crisisResourcesIf(crisis, language),
      }),
      insertUnderLead: (params, { id, reference, receivedAt, spam }) =>
        this.inquiries.insertUnderLead(params, {
          id,
          reference,
          name: dto.name,
          email: dto.email,
          phone: dto.phone ?? null,
          preferredContact,
          serviceType: dto.serviceType,
          state: dto.state ?? null,
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
        }),
    });
  }
}
