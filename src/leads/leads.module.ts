import { Module } from '@nestjs/common';
import { SettingsModule } from '../settings/settings.module.js';
import { LeadAccess } from './lead-access.js';
import { LeadEventRepository } from './lead-event.repository.js';
import { LeadRepository } from './lead.repository.js';
import { LeadsService } from './leads.service.js';
import { SubmissionReferences } from './submission-references.service.js';
import { NoteRepository } from './triage-note.repository.js';

@Module({
  imports: [SettingsModule],
  providers: [
    LeadsService,
    SubmissionReferences,
    LeadAccess,
    LeadRepository,
    LeadEventRepository,
    NoteRepository,
  ],
  exports: [
    LeadsService,
    SubmissionReferences,
    LeadAccess,
    LeadRepository,
    LeadEventRepository,
    NoteRepository,
  ],
})
export class LeadsModule {}
