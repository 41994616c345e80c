import { Module } from '@nestjs/common';
import { LeadAccess } from './lead-access.js';
import { LeadsService } from './leads.service.js';
import { SubmissionReferences } from './submission-references.service.js';

@Module({
  providers: [LeadsService, SubmissionReferences, LeadAccess],
  exports: [LeadsService, SubmissionReferences, LeadAccess],
})
export class LeadsModule {}
