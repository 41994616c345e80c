import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { CaptchaVerdict } from '../captcha/captcha-verification.js';
import { CaptchaCheck } from '../captcha/captcha.service.js';
import { IdempotencyService, requestHash } from '../common/idempotency/idempotency.service.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { normalizeEmail } from '../vocabulary/contact.js';
import { ATTRIBUTION_FIELDS, type Attribution, leadSource } from '../vocabulary/attribution.js';
import type { PreferredContact, ServiceType } from '../vocabulary/contact.js';
import { LeadEventRepository } from '../leads/lead-event.repository.js';
import {
  LeadRepository,
  type StatementParams,
  type SubmissionLead,
} from '../leads/lead.repository.js';
import { newReferenceCode } from '../leads/reference-code.js';
import { type ResponseTargets, responseDeadline } from '../vocabulary/response-targets.js';
import type { SubmissionKind } from '../leads/submission-reference.entity.js';
import type { Urgency } from '../vocabulary/urgency.js';
import type { Language } from '../vocabulary/languages.js';
import { Metrics } from '../metrics/metrics.service.js';
import { PracticeSettings, targetsOf } from '../settings/practice-settings.js';
import { effectiveSettings } from '../settings/setting-values.js';
import { type SpamReason, spamReason } from './spam.js';
import { preparingQueries } from '../database/prepared-statements.js';
import { SqlParams } from './sql-params.js';
import { SubmissionJobs } from './submission-jobs.js';
import { takeSubmissionLocks } from './submission-locks.repository.js';

/** Who wrote, as a submission form gives it. */
export interface SubmittedContact {
  name: string;
  email: string;
  phone?: string | null;
  state?: string | null;
  preferredContact: PreferredContact;
  serviceType: ServiceType;
  source?: string | null;
  /** Where the visitor came from; kept only by the submission that starts the lead. */
  attribution?: Attribution | null;

  /** The language the person wrote in; a new lead keeps it (default `en`). */
  language?: Language;
}

/** What is known of a submission before anything is written. */
export interface SubmissionFacts {
  /** The id of the submission's own row. */
  id: string;
  reference: string;
  receivedAt: Date;
}

/** What "store my row" is handed, inside the transaction. */
export interface StoreContext extends SubmissionFacts {
  /** Why it looks like a bot, or null. A spam submission is stored and tells nobody. */
  spam: SpamReason | null;
  lead: SubmissionLead;
  targets: ResponseTargets;
}

/**
 * One public submission, as its capability describes it to the pipeline. The pipeline
 * does the rest, in this order: CAPTCHA (outside the transaction), then in ONE
 * transaction the locks (`takeSubmissionLocks`: Idempotency-Key claim, settings, email),
 * spam check, lead match/create with reference and notification job, then `store`.
 */
export interface SubmissionStep<R> {
  kind: SubmissionKind;
  /** The Idempotency-Key's route and the request it is bound to (without CAPTCHA token). */
  idempotency: { scope: string; key: string | undefined; request: unknown };
  /** Checked when present (a partner's one-time link needs none). */
  captcha?: { token: string | undefined; ip: string | undefined };
  /** The bot signals of the form; absent: never spam. */
  spamSignals?: { website?: string; formStartedAt?: string };
  /** A person's lead, found or started; or the known lead this submission completes. */
  lead:
    | { contact: SubmittedContact; urgency: Urgency; quotedReference?: string }
    | { existingLeadId: string };
  /** The answer, known before anything is written: it is stored with the key's claim. */
  receipt(facts: SubmissionFacts): R;
  /**
   * "Store my row", the cheap way: one INSERT that the lead's own statement runs (it
   * reads the lead's id from that statement's `lead_row`), built by the row's repository.
   */
  insertUnderLead?(params: StatementParams, context: RowContext): string;
  /** "Store my row", the general way: any writes of the submission's own rows. */
  store?(manager: EntityManager, context: StoreContext): Promise<void>;
  /** The link token of the saved draft this submission finishes: deleted with it. */
  draftToken?: string;
}

/** Deletes the saved draft a link token names, in the submission's transaction. */
export type DraftFinisher = (manager: EntityManager, token: string) => Promise<unknown>;

/** What `insertUnderLead` is handed (the lead is not known yet, only to SQL). */
export type RowContext = Omit<StoreContext, 'lead'>;

interface MoreOfTheStatement {
  ctes: string[];
  select: string[];
}
const NONE: MoreOfTheStatement = { ctes: [], select: [] };

/** A clash of two random reference codes: the whole transaction is tried again. */
const REFERENCE_ATTEMPTS = 5;

/**
 * The one way a public submission is stored: inquiries, intakes and partner answers
 * plug in their own row (`SubmissionStep.store`). A new lead and its job are committed
 * with the row or not at all. Four statements do it when the row is one INSERT (BEGIN,
 * locks, lead + reference + job + row, COMMIT), one more per statement of `store`.
 */
@Injectable()
export class SubmissionPipeline {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly settings: PracticeSettings,
    private readonly leads: LeadRepository,
    private readonly leadEvents: LeadEventRepository,
    private readonly jobs: SubmissionJobs,
    private readonly idempotency: IdempotencyService,
    private readonly captcha: CaptchaCheck,
    private readonly metrics: Metrics,
  ) {}

  /** Set by the capability that keeps drafts (it is newer than this one: no import). */
  private draftFinisher: DraftFinisher | undefined;

  finishDraftsWith(finish: DraftFinisher): void {
    this.draftFinisher = finish;
  }

  async submit<R>(step: SubmissionStep<R>): Promise<R> {
    // Asked before the transaction: no connection waits on the provider. A refusal is
    // raised only for a request that is not a replay (a retry of a stored submission
    // gets its first answer, though its one-time token was used up by the first).
    const captcha: CaptchaVerdict = step.captcha
      ? await this.captcha.verify(step.captcha.token, step.captcha.ip)
      : { outcome: 'passed' };
    const hash = step.idempotency.key === undefined ? '' : requestHash(step.idempotency.request);
    for (let attempt = 1; ; attempt++) {
      try {
        const { receipt, started } = await this.dataSource.transaction((manager) =>
          this.inTransaction(manager, step, captcha, hash),
        );
        // Counted once committed; a replayed request started nothing.
        if (started) this.metrics.leadCreated(started);
        return receipt;
      } catch (error) {
        if (attempt < REFERENCE_ATTEMPTS && isReferenceClash(error)) continue;
        throw error;
      }
    }
  }

  private async inTransaction<R>(
    manager: EntityManager,
    step: SubmissionStep<R>,
    captcha: CaptchaVerdict,
    hash: string,
  ): Promise<{ receipt: R; started?: SubmissionLead }> {
    const facts: SubmissionFacts = {
      id: randomUUID(),
      reference: newReferenceCode(),
      receivedAt: new Date(),
    };
    const receipt = step.receipt(facts);
    const { scope, key } = step.idempotency;
    const person = 'contact' in step.lead ? step.lead : undefined;
    const locks = await takeSubmissionLocks(manager, {
      claim: key === undefined ? undefined : { scope, key, requestHash: hash, answer: receipt },
      emailNormalized: person && normalizeEmail(person.contact.email),
    });
    if (key !== undefined && !locks.claimed) {
      return { receipt: await this.idempotency.claimedAnswer<R>(manager, scope, key, hash) };
    }
    if (captcha.outcome === 'rejected') throw this.captcha.rejection();

    const values = effectiveSettings(locks.settings, this.settings.defaults());
    const targets = targetsOf(values, locks.timeZone ?? this.config.practice.timeZone);
    const spam = step.spamSignals
      ? spamReason(step.spamSignals, facts.receivedAt, values.spamMinSeconds)
      : null;
    // A submission nobody could vouch for waits for a person's look (spam aside).
    const review = person && spam === null && captcha.outcome === 'unavailable';

    const lead = await this.leads.matchOrCreateForSubmission(
      preparingQueries(manager),
      {
        choice: !person
          ? { kind: 'existing', leadId: (step.lead as { existingLeadId: string }).existingLeadId }
          : spam
            ? { kind: 'separate' }
            : { kind: 'match', quotedReference: person.quotedReference },
        newLead: person && {
          id: randomUUID(),
          status: spam ? 'spam' : 'new',
          urgency: person.urgency,
          serviceType: person.contact.serviceType,
          name: person.contact.name,
          email: person.contact.email,
          emailNormalized: normalizeEmail(person.contact.email),
          phone: person.contact.phone ?? null,
          state: person.contact.state ?? null,
          preferredContact: person.contact.preferredContact,
          source: person.contact.source ?? null,
          attribution: attributionOrNull(person.contact.attribution),
          attributedSource: leadSource(person.contact.attribution, person.contact.source),

          language: person.contact.language ?? 'en',
          respondBy: spam ? null : responseDeadline(facts.receivedAt, person.urgency, targets),
          reviewReason: review ? 'captcha_unavailable' : null,
        },
        receivedAt: facts.receivedAt,
        raisedDeadlineMinutes: person ? deadlineMinutes(person.urgency, targets) : null,
        reference: { code: facts.reference, kind: step.kind, submissionId: facts.id },
        alsoWith: async (params) => {
          const job = spam === null ? await this.submissionJob(step.kind, facts, params) : NONE;
          if (!step.insertUnderLead) return job;
          const row = step.insertUnderLead(params, { ...facts, spam, targets });
          return {
            ctes: [...job.ctes, `submission_row AS (${row} RETURNING 1)`],
            select: [...job.select, '(SELECT count(*) FROM submission_row)::int'],
          };
        },
      },
      new SqlParams(),
    );
    if (review) {
      await this.leadEvents.recordSubmissionFlaggedForReview(
        manager,
        lead.id,
        'captcha_unavailable',
      );
    }
    await step.store?.(manager, { ...facts, spam, lead, targets });
    if (step.draftToken) await this.draftFinisher?.(manager, step.draftToken);
    return { receipt, started: lead.created && spam === null ? lead : undefined };
  }

  /** The job that tells staff, written by the lead's statement (it reads `lead_row`). */
  private async submissionJob(
    kind: SubmissionKind,
    facts: SubmissionFacts,
    params: StatementParams,
  ): Promise<MoreOfTheStatement> {
    const payload = `json_build_object(
        'leadId', id, 'submissionId', ${params.add(facts.id, 'uuid')},
        'submissionKind', ${params.add(kind, 'text')}, 'leadCreated', created)`;
    const { ctes, notified } = await this.jobs.jobInsertCtes(
      'lead.submission-received',
      'submission_job',
      `SELECT json_agg(json_build_object('data', ${payload})) FROM lead_row`,
    );
    return { ctes, select: ['(SELECT count(*) FROM submission_job)::int', notified] };
  }
}

/** A raised lead's deadline in minutes from its creation (high and crisis count minutes). */
export function deadlineMinutes(urgency: Urgency, targets: ResponseTargets): number | null {
  if (urgency === 'crisis') return targets.crisisMinutes;
  if (urgency === 'high') return targets.highMinutes;
  return null;
}

/** The given fields only (no empty ones); null when none is given. */
function attributionOrNull(attribution: Attribution | null | undefined): Attribution | null {
  const kept = ATTRIBUTION_FIELDS.flatMap((field) => {
    const value = attribution?.[field];
    return value ? [[field, value] as const] : [];
  });
  return kept.length > 0 ? (Object.fromEntries(kept) as Attribution) : null;
}

function isReferenceClash(error: unknown): boolean {
  const failure = error as { code?: unknown; table?: unknown };
  return failure.code === '23505' && failure.table === 'submission_reference';
}
