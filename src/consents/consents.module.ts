import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { ConsentDocumentRepository } from './consent-document.repository.js';
import { ConsentDocumentsController } from './consent-documents.controller.js';
import { ConsentDocuments } from './consent-documents.service.js';
import { ConsentSignatureRepository } from './consent-signature.repository.js';
import { ConsentSignatures } from './consent-signatures.service.js';
import { PaperworkRequestRepository } from './paperwork-request.repository.js';

/** Consent documents, their versions and signatures (docs/api.md#consent-documents-and-e-signature). */
@Module({
  imports: [AuditModule],
  controllers: [ConsentDocumentsController],
  providers: [
    ConsentDocuments,
    ConsentSignatures,
    ConsentDocumentRepository,
    ConsentSignatureRepository,
    PaperworkRequestRepository,
  ],
  exports: [
    ConsentDocuments,
    ConsentSignatures,
    ConsentSignatureRepository,
    PaperworkRequestRepository,
  ],
})
export class ConsentsModule {}
