import { randomUUID } from 'node:crypto';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { DataCipher, KeyRingError } from '../common/encryption/data-cipher.js';
import { ProblemException } from '../common/problem-details.js';
import { hashToken } from '../common/tokens.js';
import { IntakeFormsService } from '../intake/intake-forms.service.js';
import { MailSources } from '../notifications/mail-sources.js';
import { intakeDraftResume } from '../notifications/messages.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { SubmissionPipeline } from '../submissions/submission-pipeline.js';
import { SEALED_COLUMNS } from '../vocabulary/sealed-columns.js';
import {
  DRAFT_TOKEN_PURPOSE,
  type DraftContent,
  draftExpiry,
  isOpen,
  resumeLink,
  validatePartialAnswers,
} from './draft-rules.js';
import type { IntakeDraftDto, IntakeDraftSavedDto } from './dto/intake-draft.view.js';
import type { SaveIntakeDraftDto } from './dto/save-intake-draft.dto.js';
import type { IntakeDraft } from './intake-draft.entity.js';
import { IntakeDraftRepository } from './intake-draft.repository.js';

const CLIENT_FIELDS = ['name', 'email', 'phone', 'dateOfBirth', 'state', 'pronouns'] as const;

/**
 * Save and finish later: a draft is sealed, its link mailed through the durable queue
 * under the visitor-mail rules, read back by the link's token, replaced by a later save,
 * and deleted when the intake naming it is stored or a day after it expired.
 */
@Injectable()
export class IntakeDraftsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly forms: IntakeFormsService,
    private readonly drafts: IntakeDraftRepository,
    private readonly notifications: NotificationsService,
    private readonly mailSources: MailSources,
    private readonly pipeline: SubmissionPipeline,
    private readonly cipher: DataCipher,
  ) {}

  onModuleInit(): void {
    this.mailSources.addVisitorMail('intake_draft_resume', {
      address: async (manager, row) =>
        (await this.openDraft(manager, row.context))?.content.email ?? null,
      render: async (manager, row, practice) => {
        const open = await this.openDraft(manager, row.context);
        if (!open) return undefined;
        let token: string;
        try {
          token = this.tokenOf(open.draft.id, open.draft.tokenKeyId).token;
        } catch (error) {
          // The key that derived it has left DATA_ENCRYPTION_KEY: the link cannot be written.
          if (error instanceof KeyRingError) return undefined;
          throw error;
        }
        // The draft remembers the language it was saved in.
        const language = open.content.lang === 'es' ? 'es' : (practice.language ?? 'en');
        const link = resumeLink(practice.baseUrl, open.draft.formSlug, token);
        return intakeDraftResume(
          { ...practice, language },
          {
            link: language === 'es' ? `${link}&lang=es` : link,
            expiresAt: open.draft.expiresAt,
          },
        );
      },
    });
    // The intake that names a draft deletes it in its own transaction.
    this.pipeline.finishDraftsWith((manager, token) =>
      this.drafts.deleteByTokenHash(manager, hashToken(token)),
    );
  }

  /**
   * Stores the draft (replacing the one `draftToken` names) and plans the email with its
   * link, in one transaction. Answers the same whether or not the email goes out.
   */
  async save(dto: SaveIntakeDraftDto): Promise<IntakeDraftSavedDto> {
    const form = await this.forms.submitted(dto);
    const { answers, errors } = validatePartialAnswers(form, dto.answers);
    if (errors.length > 0) throw ProblemException.validation(errors);

    const id = randomUUID();
    const expiresAt = draftExpiry(new Date());
    const { token, hash, keyId } = this.tokenOf(id);
    const content: DraftContent = {
      email: dto.email,
      ...(dto.lang ? { lang: dto.lang } : {}),
      client: clientOf(dto.client),
      answers,
    };
    await this.dataSource.transaction(async (manager) => {
      // The replaced draft's link stops working with it.
      if (dto.draftToken) await this.drafts.deleteByTokenHash(manager, hashToken(dto.draftToken));
      await this.drafts.insert(manager, {
        id,
        tokenHash: hash,
        tokenKeyId: keyId,
        formSlug: form.slug,
        formVersion: form.version,
        contentEncrypted: this.cipher.encryptJson(content, SEALED_COLUMNS.intakeDraft, id),
        expiresAt,
      });
      await this.notifications.planIn(manager, [
        {
          kind: 'intake_draft_resume',
          dedupeKey: `intake_draft_resume:${id}`,
          leadId: null,
          recipient: 'visitor',
          context: { draftId: id },
        },
      ]);
    });
    return { expiresAt: expiresAt.toISOString(), draftToken: token };
  }

  /** The saved answers behind a link: 404 unknown (or replaced, or sent), 410 expired. */
  async show(token: string): Promise<IntakeDraftDto> {
    const draft = await this.drafts.findByTokenHash(this.dataSource.manager, hashToken(token));
    if (!draft) throw new ProblemException('not-found', 'No saved answers have this link.');
    if (!isOpen(draft.expiresAt, new Date())) {
      throw new ProblemException('gone', 'This link has expired.');
    }
    const content = this.contentOf(draft);
    return {
      formSlug: draft.formSlug,
      formVersion: draft.formVersion,
      email: content.email,
      ...(content.lang ? { lang: content.lang } : {}),
      client: content.client,
      answers: content.answers,
      expiresAt: draft.expiresAt.toISOString(),
    };
  }

  /** The daily purge: every draft past its expiry. */
  async purgeExpired(now = new Date()): Promise<number> {
    return this.drafts.deleteExpiredBefore(this.dataSource.manager, now);
  }

  private tokenOf(draftId: string, keyId?: string) {
    const { value, keyId: usedKeyId } = this.cipher.derive(DRAFT_TOKEN_PURPOSE, draftId, keyId);
    return { token: value, keyId: usedKeyId, hash: hashToken(value) };
  }

  private contentOf(draft: IntakeDraft): DraftContent {
    return this.cipher.decryptJson<DraftContent>(
      draft.contentEncrypted,
      SEALED_COLUMNS.intakeDraft,
      draft.id,
    );
  }

  private async openDraft(
    manager: EntityManager,
    context: Record<string, string>,
  ): Promise<{ draft: IntakeDraft; content: DraftContent } | null> {
    const draft = context.draftId ? await this.drafts.findById(manager, context.draftId) : null;
    if (!draft || !isOpen(draft.expiresAt, new Date())) return null;
    return { draft, content: this.contentOf(draft) };
  }
}

/** The client's details as plain strings, only those given. */
function clientOf(client: SaveIntakeDraftDto['client']): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const field of CLIENT_FIELDS) {
    const value = client?.[field];
    if (typeof value === 'string') kept[field] = value;
  }
  return kept;
}
