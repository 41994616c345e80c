import { respondentColumns } from './respondent-columns.js';
import type { Language } from '../vocabulary/languages.js';
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CaptchaCheck } from '../captcha/captcha.service.js';
import {
  type CheckedSignatures,
  ConsentSignatures,
  type SigningClient,
} from '../consents/consent-signatures.service.js';
import { DataCipher } from '../common/encryption/data-cipher.js';
import { SEALED_COLUMNS } from '../vocabulary/sealed-columns.js';
import { type FieldError, ProblemException } from '../common/problem-details.js';
import { normalizeReference } from '../leads/reference-code.js';
import {
  type CrisisResource,
  type Urgency,
  crisisResourcesIf,
  textSuggestsCrisis,
} from '../vocabulary/urgency.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import {
  type RespondentResult,
  SCORING_VERSION,
  scoreRespondent,
  screenCrisis,
} from '../survey/scoring.js';
import { SubmissionPipeline } from '../submissions/submission-pipeline.js';
import { WebhooksService } from '../webhooks/webhooks.service.js';
import { type Answers, freeTextOf, validateAnswers } from './answer-validation.js';
import type { CreateIntakeDto } from './dto/create-intake.dto.js';
import type { FormDefinition } from './form-definition.js';
import { IntakeFormsService } from './intake-forms.service.js';
import { IntakeRepository } from './intake.repository.js';
import { partnerToken } from './partner-tokens.js';

const IDEMPOTENCY_SCOPE = 'POST /v1/intakes';
export const INVITATION_VALID_DAYS = 14;

export interface IntakeReceipt {
  id: string;
  reference: string;
  receivedAt: string;
  partnerInvitation?: { sentTo: string; expiresAt: string };
  resources?: CrisisResource[];
}

/** "sam@example.com" → "s***@example.com": enough to recognise, not to harvest. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  return `${email.slice(0, 1)}***${email.slice(at)}`;
}

/** What one respondent's answers say: scores (couples form), crisis, the urgency they give. */
export function screenRespondent(
  form: FormDefinition,
  answers: Answers,
): {
  result: RespondentResult | null;
  crisis: boolean;
  /** Which way crisis was raised: `crisis_now` answered yes, crisis words in free text. */
  crisisAnswer: boolean;
  crisisText: boolean;
  urgency: Urgency;
} {
  const result = form.slug === 'couples' ? scoreRespondent(answers) : null;
  const crisisAnswer = screenCrisis(answers);
  const crisisText = freeTextOf(form, answers).some(textSuggestsCrisis);
  const crisis = crisisAnswer || crisisText;
  const urgency: Urgency = crisis ? 'crisis' : result?.safetyConcern ? 'high' : 'routine';
  return { result, crisis, crisisAnswer, crisisText, urgency };
}

@Injectable()
export class IntakesService {
  constructor(
    private readonly pipeline: SubmissionPipeline,
    private readonly forms: IntakeFormsService,
    private readonly intakes: IntakeRepository,
    private readonly notifications: NotificationsService,
    private readonly cipher: DataCipher,
    private readonly webhooks: WebhooksService,
    private readonly captcha: CaptchaCheck,
    private readonly signatures: ConsentSignatures,
  ) {}

  /** Loads the named form version and checks the answers and partner against it. */
  async validated(
    dto: CreateIntakeDto,
    language: Language = 'en',
  ): Promise<{ form: FormDefinition; answers: Answers; signed: CheckedSignatures }> {
    const form = await this.forms.submitted(dto);
    const { answers, errors } = validateAnswers(form, dto.answers);
    const partnerErrors: FieldError[] = [];
    if (form.slug === 'couples' && !dto.partner) {
      partnerErrors.push({
        field: 'partner',
        code: 'required',
        message: 'is required for the couples form',
      });
    } else if (form.slug !== 'couples' && dto.partner) {
      partnerErrors.push({
        field: 'partner',
        code: 'unknown_field',
        message: 'is only for the couples form',
      });
    } else if (dto.partner && dto.partner.email.toLowerCase() === dto.client.email.toLowerCase()) {
      partnerErrors.push({
        field: 'partner.email',
        code: 'invalid_email',
        message: 'must be your partner’s own address',
      });
    }
    // Every consent document the form lists now, signed by the client in their own name.
    // In the language the form was served in (the submission's own).
    const signing = this.signatures.check(
      await this.forms.consents({ ...form, lang: dto.lang ?? language }),
      dto.signatures,
      dto.client.name,
    );
    const captchaErrors = this.captcha.missingToken(dto.captchaToken);
    const invalid = [...errors, ...partnerErrors, ...signing.errors, ...captchaErrors];
    if (invalid.length > 0) throw ProblemException.validation(invalid);
    return { form, answers, signed: signing.checked };
  }

  /**
   * Stores partner A's intake with its lead, reference, scores, the partner's one-time
   * invitation and the jobs that tell staff and send the invitation: one transaction.
   */
  async receive(
    dto: CreateIntakeDto,
    idempotencyKey?: string,
    client: SigningClient & { language?: Language } = {},
  ): Promise<IntakeReceipt> {
    const language = dto.lang ?? client.language ?? 'en';
    const { form, answers, signed } = await this.validated(dto, language);
    const screening = screenRespondent(form, answers);
    const couples = form.slug === 'couples';
    // Fixed before the transaction: the receipt that names it is stored with the key.
    const invitationExpiresAt = (receivedAt: Date) =>
      new Date(receivedAt.getTime() + INVITATION_VALID_DAYS * 86_400_000);
    const quotedReference = dto.inquiryReference
      ? normalizeReference(dto.inquiryReference)
      : undefined;
    return this.pipeline.submit<IntakeReceipt>({
      kind: 'intake',
      idempotency: {
        scope: IDEMPOTENCY_SCOPE,
        key: idempotencyKey,
        request: { ...dto, captchaToken: undefined },
      },
      captcha: { token: dto.captchaToken, ip: client.ip ?? undefined },
      spamSignals: dto,
      draftToken: dto.draftToken,
      lead: {
        contact: {
          name: dto.client.name,
          email: dto.client.email,
          phone: dto.client.phone,
          state: dto.client.state,
          preferredContact: 'email',
          serviceType: couples ? 'couples' : 'individual',
          attribution: dto.attribution,
          language,
        },
        urgency: screening.urgency,
        // An unknown reference is ignored, not reported.
        ...(quotedReference ? { quotedReference } : {}),
      },
      receipt: ({ id, reference, receivedAt }) => ({
        id,
        reference,
        receivedAt: receivedAt.toISOString(),
        // Bots get the same shape: a spam intake "invites" nobody.
        ...(couples && dto.partner
          ? {
              partnerInvitation: {
                sentTo: maskEmail(dto.partner.email),
                expiresAt: invitationExpiresAt(receivedAt).toISOString(),
              },
            }
          : {}),
        ...crisisResourcesIf(screening.crisis, language),
      }),
      store: async (manager, { id, reference, receivedAt, lead, spam }) => {
        await this.intakes.insert(manager, {
          id,
          leadId: lead.id,
          reference,
          formSlug: form.slug,
          formVersion: form.version,
          status: couples ? 'awaiting_partner' : 'complete',
          ...respondentColumns(dto.client, (date) =>
            this.cipher.encrypt(date, SEALED_COLUMNS.intakeDateOfBirth, id),
          ),
          answersEncrypted: this.cipher.encryptJson(answers, SEALED_COLUMNS.intakeAnswers, id),
          resultEncrypted: screening.result
            ? this.cipher.encryptJson(screening.result, SEALED_COLUMNS.intakeResult, id)
            : null,
          coupleResultEncrypted: null,
          scoringVersion: screening.result ? SCORING_VERSION : null,
          consentContact: dto.consent.contact,
          consentTelehealth: dto.consent.telehealth ?? null,
          privacyNoticeVersion: dto.consent.privacyNoticeVersion,
          formStartedAt: dto.formStartedAt ? new Date(dto.formStartedAt) : null,
          receivedAt,
          completedAt: couples ? null : receivedAt,
          spamReason: spam,
        });
        await this.signatures.storeIn(manager, signed, {
          leadId: lead.id,
          signer: 'client',
          submissionId: id,
          signedAt: receivedAt,
          client,
        });
        if (spam !== null) return;
        if (couples && dto.partner) {
          await this.invitePartner(
            manager,
            { intakeId: id, leadId: lead.id, reference, held: lead.needsReview },
            dto.partner,
            invitationExpiresAt(receivedAt),
          );
        } else if (!couples) {
          // One respondent: the intake is complete as it arrives.
          await this.webhooks.emitIn(manager, 'intake.completed', {
            leadId: lead.id,
            reference,
            status: lead.status,
            urgency: lead.urgency,
            serviceType: lead.serviceType,
          });
        }
      },
    });
  }

  private async invitePartner(
    manager: EntityManager,
    intake: { intakeId: string; leadId: string; reference: string; held: boolean },
    partner: { name: string; email: string },
    expiresAt: Date,
  ): Promise<void> {
    const invitationId = randomUUID();
    const { hash, keyId } = partnerToken(this.cipher, invitationId);
    await this.intakes.insertInvitation(manager, {
      id: invitationId,
      intakeId: intake.intakeId,
      leadId: intake.leadId,
      tokenHash: hash,
      tokenKeyId: keyId,
      partnerName: partner.name,
      partnerEmail: partner.email,
      expiresAt,
      usedAt: null,
    });
    await this.notifications.mailVisitorIn(manager, {
      kind: 'partner_invitation',
      dedupeKey: `partner_invitation:${invitationId}`,
      leadId: intake.leadId,
      to: 'partner',
      invitationId,
      context: { reference: intake.reference },
      origin: 'public',
      // A lead kept for review invites nobody until staff release it.
      heldForReview: intake.held,
    });
  }
}
