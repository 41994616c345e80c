import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { ConsentDocumentVersion } from './consent-document-version.entity.js';
import { ConsentDocuments } from './consent-documents.service.js';
import { isLanguage, type Language } from '../vocabulary/languages.js';
import { renderConsentPdf, signedFileName } from './consent-pdf.js';
import {
  type ServedDocument,
  type SignatureError,
  type SignatureInput,
  checkSignatures,
  textSha256,
} from './consent-rules.js';
import { ConsentSignature, type Signer } from './consent-signature.entity.js';
import { ConsentSignatureRepository } from './consent-signature.repository.js';

/** Where a signature came from: the request's address and browser. */
export interface SigningClient {
  ip?: string | null;
  userAgent?: string | null;
}

/** Signatures checked and ready to store with their submission. */
export interface CheckedSignatures {
  accepted: { document: ServedDocument; signedName: string }[];
}

/** A signature with what its PDF needs. */
export interface SignedDocument {
  signature: ConsentSignature;
  version: ConsentDocumentVersion;
  /** The document's language: the PDF's headings and file name follow it. */
  language: Language;
}

/**
 * Signing consent documents: checking a person's signatures against what their form
 * requires, storing them in the caller's transaction, and the PDF of a signed document.
 */
@Injectable()
export class ConsentSignatures {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly documents: ConsentDocuments,
    private readonly signatures: ConsentSignatureRepository,
  ) {}

  /**
   * The documents a form of this service type and language requires now: those in that
   * language; where the practice has none in it, its English ones (as the forms serve them).
   */
  async required(serviceType: string, lang: string = 'en'): Promise<ServedDocument[]> {
    const documents = await this.documents.currentFor(serviceType, lang);
    if (documents.length > 0 || lang === 'en') return documents;
    return this.documents.currentFor(serviceType, 'en');
  }

  /** Checks `sent` against `required` for the person named; errors name `signatures.<slug>`. */
  check(
    required: ServedDocument[],
    sent: SignatureInput[] | undefined,
    personName: string,
  ): { errors: SignatureError[]; checked: CheckedSignatures } {
    const { errors, accepted } = checkSignatures(required, sent, personName);
    return { errors, checked: { accepted } };
  }

  /** Stores checked signatures in the caller's transaction (the submission's own). */
  async storeIn(
    manager: EntityManager,
    checked: CheckedSignatures,
    row: {
      leadId: string;
      signer: Signer;
      submissionId: string | null;
      paperworkRequestId?: string | null;
      signedAt: Date;
      client: SigningClient;
    },
  ): Promise<void> {
    await this.signatures.insertMany(
      manager,
      checked.accepted.map(({ document, signedName }) => ({
        id: randomUUID(),
        leadId: row.leadId,
        signer: row.signer,
        submissionId: row.submissionId,
        paperworkRequestId: row.paperworkRequestId ?? null,
        documentSlug: document.slug,
        documentVersion: document.version,
        textSha256: textSha256(document),
        signedName,
        ip: row.client.ip?.slice(0, 64) ?? null,
        userAgent: row.client.userAgent?.slice(0, 500) ?? null,
        signedAt: row.signedAt,
      })),
    );
  }

  /** The signatures given with one submission, with their document versions. */
  async ofSubmission(manager: EntityManager, submissionId: string): Promise<SignedDocument[]> {
    const signatures = await manager
      .getRepository(ConsentSignature)
      .find({ where: { submissionId }, order: { documentSlug: 'ASC' } });
    return this.withVersions(manager, signatures);
  }

  /** One signature of a lead, with its document version; undefined when not the lead's. */
  async ofLead(
    manager: EntityManager,
    leadId: string,
    signatureId: string,
  ): Promise<SignedDocument | undefined> {
    const signature = await manager
      .getRepository(ConsentSignature)
      .findOneBy({ id: signatureId, leadId });
    if (!signature) return undefined;
    return (await this.withVersions(manager, [signature]))[0];
  }

  /** The PDF of a signed document: its text and the signature block. */
  pdf({ signature, version, language }: SignedDocument): Promise<Buffer> {
    return renderConsentPdf({
      slug: version.slug,
      version: version.version,
      title: version.title,
      body: version.body,
      textSha256: signature.textSha256,
      signedName: signature.signedName,
      signedAt: signature.signedAt,
      timeZone: this.config.practice.timeZone,
      language,
    });
  }

  /** A file name that says what the PDF is, in the document's language. */
  fileName({ signature, language }: SignedDocument): string {
    return signedFileName(signature.documentSlug, signature.documentVersion, language);
  }

  private async withVersions(
    manager: EntityManager,
    signatures: ConsentSignature[],
  ): Promise<SignedDocument[]> {
    const out: SignedDocument[] = [];
    for (const signature of signatures) {
      // The version with its document (the document holds the language): one query.
      const version = await manager.getRepository(ConsentDocumentVersion).findOneOrFail({
        where: { slug: signature.documentSlug, version: signature.documentVersion },
        relations: { document: true },
      });
      const lang = version.document?.lang;
      out.push({ signature, version, language: isLanguage(lang) ? lang : 'en' });
    }
    return out;
  }
}
