import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { type AuditActor, AuditTrail } from '../audit/audit.service.js';
import type { StaffContext } from '../auth/staff-context.js';
import { ProblemException } from '../common/problem-details.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { ConsentDocument } from './consent-document.entity.js';
import { ConsentDocumentRepository } from './consent-document.repository.js';
import { ConsentDocumentVersion } from './consent-document-version.entity.js';
import { CONSENT_SLUG, DEFAULT_CONSENT_LANGUAGE } from './consent-languages.js';
import { type ServedDocument, textSha256 } from './consent-rules.js';
import type {
  CreateConsentDocumentDto,
  PublishConsentVersionDto,
} from './dto/consent-document.dto.js';
import type { ConsentDocumentView } from './dto/consent-document.view.js';
import { EXAMPLE_CONSENT } from './example-consent.js';

const unknown = () => new ProblemException('not-found', 'No consent document has this slug.');

/**
 * Consent documents and their versions (docs/api.md#consent-documents-and-e-signature):
 * staff publish, forms list the current version of each document they require.
 */
@Injectable()
export class ConsentDocuments implements OnApplicationBootstrap {
  private readonly logger = new Logger(ConsentDocuments.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly documents: ConsentDocumentRepository,
    private readonly audit: AuditTrail,
  ) {}

  /** The example document, on a practice's first start (CONSENT_EXAMPLE_SEED). */
  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.consents.exampleSeed) return;
    const added = await this.dataSource.transaction((manager) =>
      this.documents.seedIfEmpty(
        manager,
        { ...EXAMPLE_CONSENT, createdByUserId: null },
        {
          slug: EXAMPLE_CONSENT.slug,
          version: 1,
          title: EXAMPLE_CONSENT.title,
          body: EXAMPLE_CONSENT.body,
          textSha256: textSha256(EXAMPLE_CONSENT),
          publishedByUserId: null,
        },
      ),
    );
    if (added) {
      this.logger.warn(
        { slug: EXAMPLE_CONSENT.slug },
        'added the EXAMPLE consent document: replace its text with your own before clients sign it',
      );
    }
  }

  async list(): Promise<ConsentDocumentView[]> {
    const documents = await this.dataSource
      .getRepository(ConsentDocument)
      .find({ order: { slug: 'ASC' } });
    const versions = await this.dataSource
      .getRepository(ConsentDocumentVersion)
      .find({ order: { slug: 'ASC', version: 'DESC' } });
    return documents.map((document) =>
      view(
        document,
        versions.filter((version) => version.slug === document.slug),
      ),
    );
  }

  async get(slug: string): Promise<ConsentDocumentView> {
    if (!CONSENT_SLUG.test(slug)) throw unknown();
    const document = await this.dataSource.getRepository(ConsentDocument).findOneBy({ slug });
    if (!document) throw unknown();
    const versions = await this.dataSource
      .getRepository(ConsentDocumentVersion)
      .find({ where: { slug }, order: { version: 'DESC' } });
    return view(document, versions);
  }

  async create(
    dto: CreateConsentDocumentDto,
    staff: StaffContext,
    actor: AuditActor,
  ): Promise<ConsentDocumentView> {
    await this.dataSource.transaction(async (manager) => {
      const added = await this.documents.insertDocument(manager, {
        slug: dto.slug,
        lang: dto.lang ?? DEFAULT_CONSENT_LANGUAGE,
        requiredFor: dto.requiredFor,
        createdByUserId: staff.user.id,
      });
      if (!added) {
        throw new ProblemException(
          'conflict',
          'A consent document has this slug already: publish a new version of it instead.',
        );
      }
      await this.publishIn(manager, dto.slug, 1, dto, staff, actor);
    });
    return this.get(dto.slug);
  }

  /** A new version; the ones before stay as they were, and signatures keep naming them. */
  async publish(
    slug: string,
    dto: PublishConsentVersionDto,
    staff: StaffContext,
    actor: AuditActor,
  ): Promise<ConsentDocumentView> {
    if (!CONSENT_SLUG.test(slug)) throw unknown();
    await this.dataSource.transaction(async (manager) => {
      // The document row is locked: two publications at once get consecutive numbers.
      const [document] = (await manager.query(
        `SELECT (SELECT max(version) FROM consent_document_version v WHERE v.slug = d.slug) AS newest
           FROM consent_document d WHERE d.slug = $1 FOR UPDATE`,
        [slug],
      )) as { newest: number }[];
      if (!document) throw unknown();
      await this.publishIn(manager, slug, document.newest + 1, dto, staff, actor);
    });
    return this.get(slug);
  }

  private async publishIn(
    manager: EntityManager,
    slug: string,
    version: number,
    dto: PublishConsentVersionDto,
    staff: StaffContext,
    actor: AuditActor,
  ): Promise<void> {
    const hash = textSha256(dto);
    await this.documents.insertVersion(manager, {
      slug,
      version,
      title: dto.title,
      body: dto.body,
      textSha256: hash,
      publishedByUserId: staff.user.id,
    });
    await this.audit.record(
      actor,
      {
        action: 'consent_document.published',
        subjectType: 'consent_document',
        subjectId: null,
        details: { slug, version, textSha256: hash },
      },
      manager,
    );
  }

  /**
   * What a form for this service type and language asks to be signed: the current
   * version of each document required for it, by slug.
   */
  async currentFor(
    serviceType: string,
    lang: string = DEFAULT_CONSENT_LANGUAGE,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ServedDocument[]> {
    return (await manager.query(
      `SELECT DISTINCT ON (v.slug) v.slug, v.version, v.title, v.body
         FROM consent_document d JOIN consent_document_version v ON v.slug = d.slug
        WHERE $1 = ANY(d.required_for) AND d.lang = $2
        ORDER BY v.slug, v.version DESC`,
      [serviceType, lang],
    )) as ServedDocument[];
  }
}

function view(document: ConsentDocument, versions: ConsentDocumentVersion[]): ConsentDocumentView {
  const current = versions[0]!;
  return {
    slug: document.slug,
    lang: document.lang,
    requiredFor: document.requiredFor,
    version: current.version,
    title: current.title,
    body: current.body,
    versions: versions.map((version) => ({
      version: version.version,
      title: version.title,
      textSha256: version.textSha256,
      publishedAt: version.publishedAt.toISOString(),
    })),
  };
}
