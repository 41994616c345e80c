import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ProblemException } from '../common/problem-details.js';
import { ConsentDocuments } from '../consents/consent-documents.service.js';
import type { ServedDocument } from '../consents/consent-rules.js';
import { type FormDefinition, serviceTypeOfForm } from './form-definition.js';
import { IntakeForm } from './intake-form.entity.js';
import { formIn } from './form-translations.js';
import type { Language } from '../vocabulary/languages.js';

export type LocalizedForm = ReturnType<typeof formIn>;

/** What a published slug looks like; anything else is not looked up (a NUL would fail the query). */
const SLUG = /^[a-z0-9][a-z0-9_-]{0,39}$/;

@Injectable()
export class IntakeFormsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly consentDocuments: ConsentDocuments,
  ) {}

  /** The form as a respondent is served it: with the consent documents to sign now. */
  async withConsents<Form extends FormDefinition>(
    form: Form,
  ): Promise<Form & { consents: ServedDocument[] }> {
    return { ...form, consents: await this.consents(form) };
  }

  /**
   * The current version of each consent document this form requires, in the form's
   * language; where the practice has none in that language, its English ones (nobody is
   * let through unsigned because a translation is missing).
   */
  async consents(form: FormDefinition & { lang?: string }): Promise<ServedDocument[]> {
    const serviceType = serviceTypeOfForm(form.slug);
    const lang = form.lang ?? 'en';
    const documents = await this.consentDocuments.currentFor(serviceType, lang);
    if (documents.length > 0 || lang === 'en') return documents;
    return this.consentDocuments.currentFor(serviceType, 'en');
  }

  /** The newest published version of a form; 404 for an unknown slug. */
  async latest(slug: string): Promise<FormDefinition> {
    const [form] = !SLUG.test(slug)
      ? []
      : await this.dataSource
          .getRepository(IntakeForm)
          .find({ where: { slug }, order: { version: 'DESC' }, take: 1 });
    if (!form)
      throw new ProblemException('not-found', 'No intake form is published under this name.');
    return form.definition;
  }

  /** A given version, old ones included; undefined when it was never published. */
  async find(slug: string, version: number): Promise<FormDefinition | undefined> {
    if (!SLUG.test(slug) || !Number.isSafeInteger(version) || version > 2_147_483_647) {
      return undefined;
    }
    return (await this.dataSource.getRepository(IntakeForm).findOneBy({ slug, version }))
      ?.definition;
  }

  /**
   * The version a submission names (`formSlug`, `formVersion`): a 422 naming `formVersion`
   * when it was never published, the client's mistake (a database error stays a 500).
   */
  async submitted(dto: { formSlug: string; formVersion: number }): Promise<FormDefinition> {
    const form = await this.find(dto.formSlug, dto.formVersion);
    if (!form) {
      throw ProblemException.validation([
        {
          field: 'formVersion',
          code: 'not_an_option',
          message: 'no such published form and version',
        },
      ]);
    }
    return form;
  }

  /** The newest published version with its texts in `language` (docs/api.md#languages). */
  async latestIn(slug: string, language: Language): Promise<LocalizedForm> {
    return formIn(await this.latest(slug), language);
  }

  /** A given version with its texts in `language`; 404 when it was never published. */
  async versionIn(slug: string, version: number, language: Language): Promise<LocalizedForm> {
    return formIn(await this.version(slug, version), language);
  }

  /** A given version, old ones included; 404 when it was never published. */
  async version(slug: string, version: number): Promise<FormDefinition> {
    const form = await this.find(slug, version);
    if (!form) throw new ProblemException('not-found', 'This version of the form does not exist.');
    return form;
  }
}
