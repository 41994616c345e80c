import { Module } from '@nestjs/common';
import { LeadsService } from './leads.service.js';
import { SubmissionReferences } from './submission-references.service.js';

@Module({
  providers: [LeadsService, SubmissionReferences],
  exports: [LeadsService, SubmissionReferences],
})
export class LeadsModule {}
