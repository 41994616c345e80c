import { Module } from '@nestjs/common';
import { ContactAttemptRepository } from './contact-attempt.repository.js';
import { LeadAccess } from './lead-access.js';
import { LeadEventRepository } from './lead-event.repository.js';
import { LeadRepository } from './lead.repository.js';
import { NoteRepository } from './triage-note.repository.js';

@Module({
  providers: [
    LeadAccess,
    LeadRepository,
    LeadEventRepository,
    NoteRepository,
    ContactAttemptRepository,
  ],
  exports: [
    LeadAccess,
    LeadRepository,
    LeadEventRepository,
    NoteRepository,
    ContactAttemptRepository,
  ],
})
export class LeadsModule {}
