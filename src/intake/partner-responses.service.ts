import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { IdempotencyService } from '../common/idempotency/idempotency.service.js';
import { DataCipher } from '../common/encryption/data-cipher.js';
import { SEALED_COLUMNS } from '../vocabulary/sealed-columns.js';
import { ProblemException } from '../common/problem-details.js';
import { LeadsService } from '../leads/leads.service.js';
import { SubmissionReferences } from '../leads/submission-references.service.js';
import { type CrisisResource, crisisResourcesIf, highestUrgency } from '../vocabulary/urgency.js';
import { JobQueue } from '../queue/job-queue.js';
import { type RespondentResult, SCORING_VERSION, scoreCouple } from '../survey/scoring.js';
import { WebhooksService } from '../webhooks/webhooks.service.js';
import { validateAnswers } from './answer-validation.js';
import type { RespondentSubmissionDto } from './dto/create-intake.dto.js';
import type { FormDefinition } from './form-definition.js';
import { IntakeFormsService } from './intake-forms.service.js';
import { Intake } from './intake.entity.js';
import { screenRespondent } from './intakes.service.js';
import { PartnerInvitation } from './partner-invitation.entity.js';
import { PartnerResponse } from './partner-response.entity.js';
import { firstName, hashToken } from './partner-tokens.js';

export interface PartnerInvitationView {
  form: FormDefinition;
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
    private readonly forms: IntakeFormsService,
    private readonly leads: LeadsService,
    private readonly references: SubmissionReferences,
    private readonly jobs: JobQueue,
    private readonly webhooks: WebhooksService,
    private readonly cipher: DataCipher,
    private readonly idempotency: IdempotencyService,
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
  async show(token: string): Promise<PartnerInvitationView> {
    const { invitation, intake } = await this.openInvitation(token);
    return {
      form: await this.forms.version(intake.formSlug, intake.formVersion),
      invitedBy: firstName(intake.name),
      expiresAt: invitation.expiresAt.toISOString(),
    };
  }

  /**
   * Stores partner B's answers and completes the couple. The token is spent by a
   * conditional UPDATE, so of two responses racing with one link exactly one wins; the
   * other gets 410 and nothing of it is stored.
   */
  /**
   * Partner B's answers. With an `Idempotency-Key`, a retry of a request that went
   * through (its answer lost on the way) gets the same receipt instead of the 410 of a
   * spent link; the key is bound to this link's token and this body.
   */
  async respond(
    token: string,
    dto: RespondentSubmissionDto,
    idempotencyKey?: string,
  ): Promise<PartnerResponseReceipt> {
    return this.dataSource.transaction((manager) =>
      this.idempotency.once(
        manager,
        IDEMPOTENCY_SCOPE,
        idempotencyKey,
        { token: hashToken(token), ...dto },
        () => this.answer(manager, token, dto),
      ),
    );
  }

  private async answer(
    manager: EntityManager,
    token: string,
    dto: RespondentSubmissionDto,
  ): Promise<PartnerResponseReceipt> {
    const { intake } = await this.openInvitation(token);
    const form = await this.forms.version(intake.formSlug, intake.formVersion);
    const { answers, errors } = validateAnswers(form, dto.answers);
    if (errors.length > 0) throw ProblemException.validation(errors);

    const spent = (await manager.query(
      `UPDATE partner_invitation SET used_at = now()
        WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now() RETURNING id`,
      [hashToken(token)],
    )) as [{ id: string }[], number];
    const invitationId = spent[0][0]?.id;
    if (!invitationId) throw gone();

    const receivedAt = new Date();
    const screening = screenRespondent(form, answers);
    const id = randomUUID();
    const reference = await this.references.allocate(
      manager,
      intake.leadId,
      'partner_response',
      id,
    );
    await manager.getRepository(PartnerResponse).insert({
      id,
      invitationId,
      intakeId: intake.id,
      leadId: intake.leadId,
      reference,
      name: dto.client.name,
      email: dto.client.email,
      phone: dto.client.phone ?? null,
      state: dto.client.state ?? null,
      pronouns: dto.client.pronouns ?? null,
      dateOfBirthEncrypted: dto.client.dateOfBirth
        ? this.cipher.encrypt(dto.client.dateOfBirth, SEALED_COLUMNS.partnerDateOfBirth, id)
        : null,
      answersEncrypted: this.cipher.encryptJson(answers, SEALED_COLUMNS.partnerAnswers, id),
      resultEncrypted: this.cipher.encryptJson(screening.result, SEALED_COLUMNS.partnerResult, id),
      scoringVersion: SCORING_VERSION,
      consentContact: dto.consent.contact,
      privacyNoticeVersion: dto.consent.privacyNoticeVersion,
      receivedAt,
    });

    const locked = await manager
      .getRepository(Intake)
      .findOneOrFail({ where: { id: intake.id }, lock: { mode: 'pessimistic_write' } });
    const resultA = this.cipher.decryptJson<RespondentResult>(
      locked.resultEncrypted!,
      SEALED_COLUMNS.intakeResult,
      locked.id,
    );
    const couple = scoreCouple(resultA, screening.result!);
    locked.status = 'complete';
    locked.completedAt = receivedAt;
    locked.coupleResultEncrypted = this.cipher.encryptJson(
      couple,
      SEALED_COLUMNS.intakeCoupleResult,
      locked.id,
    );
    await manager.getRepository(Intake).save(locked);

    // Urgency is re-evaluated over both partners; rules only ever raise it.
    const lead = await this.leads.raiseUrgency(
      manager,
      intake.leadId,
      highestUrgency(
        screening.urgency,
        couple.crisis ? 'crisis' : couple.safetyConcern ? 'high' : 'routine',
      ),
    );
    await this.jobs.enqueueIn(manager, 'lead.submission-received', {
      leadId: intake.leadId,
      submissionId: id,
      submissionKind: 'partner_response',
      leadCreated: false,
    });
    await this.webhooks.emitIn(manager, 'intake.completed', {
      leadId: lead.id,
      reference: intake.reference,
      status: lead.status,
      urgency: lead.urgency,
      serviceType: lead.serviceType,
    });
    return {
      reference,
      ...crisisResourcesIf(screening.crisis),
    };
  }
}
