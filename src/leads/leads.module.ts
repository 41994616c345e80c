import { Module } from '@nestjs/common';
import { LeadAccess } from './lead-access.js';
import { LeadEventRepository } from './lead-event.repository.js';
import { LeadRepository } from './lead.repository.js';
import { NoteRepository } from './triage-note.repository.js';

@Module({
  providers: [LeadAccess, LeadRepository, LeadEventRepository, NoteRepository],
  exports: [LeadAccess, LeadRepository, LeadEventRepository, NoteRepository],
})
export class LeadsModule {}
