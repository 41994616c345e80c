import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface NewConsentDocument {
  slug: string;
  lang: string;
  requiredFor: string[];
  createdByUserId: string | null;
}

export interface NewConsentVersion {
  slug: string;
  version: number;
  title: string;
  body: string;
  textSha256: string;
  publishedByUserId: string | null;
}

/**
 * The only writer of `consent_document` and `consent_document_version`. Versions are
 * only ever added (the database refuses changes). Runs in the caller's transaction.
 */
@Injectable()
export class ConsentDocumentRepository {
  /** Adds a document; false when its slug is taken. */
  async insertDocument(manager: EntityManager, document: NewConsentDocument): Promise<boolean> {
    const rows = (await manager.query(
      `INSERT INTO consent_document (slug, lang, required_for, created_by_user_id)
       VALUES ($1, $2, $3::text[], $4)
       ON CONFLICT (slug) DO NOTHING RETURNING 1`,
      [document.slug, document.lang, document.requiredFor, document.createdByUserId],
    )) as unknown[];
    return rows.length === 1;
  }

  /** Publishes a version; answers when. A taken number fails (23505). */
  async insertVersion(manager: EntityManager, version: NewConsentVersion): Promise<Date> {
    const [row] = (await manager.query(
      `INSERT INTO consent_document_version
         (slug, version, title, body, text_sha256, published_by_user_id)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING published_at`,
      [
        version.slug,
        version.version,
        version.title,
        version.body,
        version.textSha256,
        version.publishedByUserId,
      ],
    )) as { published_at: Date }[];
    return row!.published_at;
  }

  /**
   * The example shipped with the service, added only while no document exists at all
   * (several processes may start at once: the advisory lock lets one look at a time).
   * Answers whether it was added.
   */
  async seedIfEmpty(
    manager: EntityManager,
    document: NewConsentDocument,
    version: NewConsentVersion,
  ): Promise<boolean> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('consent-example', 0))`);
    const [{ any }] = (await manager.query(
      `SELECT EXISTS (SELECT 1 FROM consent_document) AS any`,
    )) as { any: boolean }[];
    if (any) return false;
    await this.insertDocument(manager, document);
    await this.insertVersion(manager, version);
    return true;
  }
}
