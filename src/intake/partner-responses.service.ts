import { respondentColumns } from './respondent-columns.js';
import type { Language } from '../vocabulary/languages.js';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { DataCipher } from '../common/encryption/data-cipher.js';
import {
  type CheckedSignatures,
  ConsentSignatures,
  type SigningClient,
} from '../consents/consent-signatures.service.js';
import type { ServedDocument } from '../consents/consent-rules.js';
import { SEALED_COLUMNS } from '../vocabulary/sealed-columns.js';
import { ProblemException } from '../common/problem-details.js';
import { LeadRepository } from '../leads/lead.repository.js';
import { type CrisisResource, crisisResourcesIf, highestUrgency } from '../vocabulary/urgency.js';
import {
  type StoreContext,
  SubmissionPipeline,
  deadlineMinutes,
} from '../submissions/submission-pipeline.js';
import { type RespondentResult, SCORING_VERSION, scoreCouple } from '../survey/scoring.js';
import { WebhooksService } from '../webhooks/webhooks.service.js';
import { type Answers, validateAnswers } from './answer-validation.js';
import type { RespondentSubmissionDto } from './dto/create-intake.dto.js';
import { IntakeFormsService, type LocalizedForm } from './intake-forms.service.js';
import { Intake } from './intake.entity.js';
import { Lead } from '../leads/lead.entity.js';
import { IntakeRepository } from './intake.repository.js';
import { screenRespondent } from './intakes.service.js';
import { PartnerInvitation } from './partner-invitation.entity.js';
import { PartnerResponseRepository } from './partner-response.repository.js';
import { firstName, hashToken } from './partner-tokens.js';

export interface PartnerInvitationView {
  form: LocalizedForm & { consents: ServedDocument[] };
  invitedBy: string;
  expiresAt: string;
}

export interface PartnerResponseReceipt {
  reference: string;
  resources?: CrisisResource[];
}

const gone = () => new ProblemException('gone', 'This link has expired or was already used.');
const unknown = () => new ProblemException('not-found', 'This link is not known.');

/** Idempotency-Key records of partner answers (bound to the link's token hash). */
const IDEMPOTENCY_SCOPE = 'partner-response';

@Injectable()
export class PartnerResponsesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly pipeline: SubmissionPipeline,
    private readonly forms: IntakeFormsService,
    private readonly leads: LeadRepository,
    private readonly intakes: IntakeRepository,
    private readonly responses: PartnerResponseRepository,
    private readonly webhooks: WebhooksService,
    private readonly cipher: DataCipher,
    private readonly signatures: ConsentSignatures,
  ) {}

  /** 404 for a token never issued, 410 for one expired or used. */
  private async openInvitation(
    token: string,
  ): Promise<{ invitation: PartnerInvitation; intake: Intake }> {
    const invitation = await this.dataSource
      .getRepository(PartnerInvitation)
      .findOneBy({ tokenHash: hashToken(token) });
    if (!invitation) throw unknown();
    if (invitation.usedAt || invitation.expiresAt.getTime() <= Date.now()) throw gone();
    const intake = await this.dataSource
      .getRepository(Intake)
      .findOneByOrFail({ id: invitation.intakeId });
    return { invitation, intake };
  }

  /** What partner B sees: the form, partner A's first name, the expiry; none of A's answers. */
  async show(token: string, asked?: Language): Promise<PartnerInvitationView> {
    const { invitation, intake } = await this.openInvitation(token);
    // The inviter's language, unless the partner switched.
    const lead = await this.dataSource
      .getRepository(Lead)
      .findOne({ where: { id: intake.leadId }, select: { id: true, language: true } });
    const language = asked ?? lead?.language ?? 'en';
    return {
      form: await this.forms.withConsents(
        await this.forms.versionIn(intake.formSlug, intake.formVersion, language),
      ),
      invitedBy: firstName(intake.name),
      expiresAt: invitation.expiresAt.toISOString(),
    };
  }

  /**
   * Partner B's answers: stored, and the couple completed. The token is spent by a
   * conditional UPDATE, so of two responses racing with one link exactly one wins; the
   * other gets 410 and nothing of it is stored. With an `Idempotency-Key`, a retry of a
   * request that went through (its answer lost on the way) gets the same receipt instead
   * of the 410 of a spent link; the key is bound to this link's token and this body.
   */
  async respond(
    token: string,
    dto: RespondentSubmissionDto,
    idempotencyKey?: string,
    client: SigningClient & { language?: Language } = {},
  ): Promise<PartnerResponseReceipt> {
    const language = dto.lang ?? client.language ?? 'en';
    const tokenHash = hashToken(token);
    const invitation = await this.dataSource
      .getRepository(PartnerInvitation)
      .findOneBy({ tokenHash });
    if (!invitation) throw unknown();
    // A spent link answers 410, unless the key may be a retry of the request that spent it.
    const linkGone = invitation.usedAt !== null || invitation.expiresAt.getTime() <= Date.now();
    if (linkGone && idempotencyKey === undefined) throw gone();
    const intake = await this.dataSource
      .getRepository(Intake)
      .findOneByOrFail({ id: invitation.intakeId });
    const form = await this.forms.version(intake.formSlug, intake.formVersion);
    const { answers, errors } = validateAnswers(form, dto.answers);
    // Partner B signs their own documents, in their own name.
    const signing = this.signatures.check(
      await this.forms.consents({ ...form, lang: language }),
      dto.signatures,
      dto.client.name,
    );
    const invalid = [...errors, ...signing.errors];
    if (invalid.length > 0) throw linkGone ? gone() : ProblemException.validation(invalid);
    const screening = screenRespondent(form, answers);
    return this.pipeline.submit<PartnerResponseReceipt>({
      kind: 'partner_response',
      idempotency: {
        scope: IDEMPOTENCY_SCOPE,
        key: idempotencyKey,
        request: { token: tokenHash, ...dto },
      },
      lead: { existingLeadId: intake.leadId },
      receipt: ({ reference }) => ({
        reference,
        ...crisisResourcesIf(screening.crisis, language),
      }),
      store: (manager, context) =>
        this.answer(
          manager,
          { tokenHash, intake, answers, screening, dto, signed: signing.checked, client },
          context,
        ),
    });
  }

  /** "Store my row": spend the link, keep B's answers, complete the couple, raise urgency. */
  private async answer(
    manager: EntityManager,
    {
      tokenHash,
      intake,
      answers,
      screening,
      dto,
      signed,
      client,
    }: {
      signed: CheckedSignatures;
      client: SigningClient;
      tokenHash: string;
      intake: Intake;
      answers: Answers;
      screening: ReturnType<typeof screenRespondent>;
      dto: RespondentSubmissionDto;
    },
    { id, reference, receivedAt, targets }: StoreContext,
  ): Promise<void> {
    const invitationId = await this.intakes.spendInvitation(manager, tokenHash);
    if (!invitationId) throw gone();
    await this.responses.insert(manager, {
      id,
      invitationId,
      intakeId: intake.id,
      leadId: intake.leadId,
      reference,
      ...respondentColumns(dto.client, (date) =>
        this.cipher.encrypt(date, SEALED_COLUMNS.partnerDateOfBirth, id),
      ),
      answersEncrypted: this.cipher.encryptJson(answers, SEALED_COLUMNS.partnerAnswers, id),
      resultEncrypted: this.cipher.encryptJson(screening.result, SEALED_COLUMNS.partnerResult, id),
      scoringVersion: SCORING_VERSION,
      consentContact: dto.consent.contact,
      privacyNoticeVersion: dto.consent.privacyNoticeVersion,
      receivedAt,
    });
    await this.signatures.storeIn(manager, signed, {
      leadId: intake.leadId,
      signer: 'partner',
      submissionId: id,
      signedAt: receivedAt,
      client,
    });

    const locked = await this.intakes.lockForCompletion(manager, intake.id);
    const resultA = this.cipher.decryptJson<RespondentResult>(
      locked.resultEncrypted!,
      SEALED_COLUMNS.intakeResult,
      locked.id,
    );
    const couple = scoreCouple(resultA, screening.result!);
    await this.intakes.complete(manager, locked.id, {
      completedAt: receivedAt,
      coupleResultEncrypted: this.cipher.encryptJson(
        couple,
        SEALED_COLUMNS.intakeCoupleResult,
        locked.id,
      ),
    });

    // Urgency is re-evaluated over both partners; rules only ever raise it.
    const urgency = highestUrgency(
      screening.urgency,
      couple.crisis ? 'crisis' : couple.safetyConcern ? 'high' : 'routine',
    );
    const lead = await this.leads.raiseUrgencyForSubmission(
      manager,
      intake.leadId,
      urgency,
      deadlineMinutes(urgency, targets),
    );
    await this.webhooks.emitIn(manager, 'intake.completed', {
      leadId: lead.id,
      reference: intake.reference,
      status: lead.status,
      urgency: lead.urgency,
      serviceType: lead.serviceType,
    });
  }
}
