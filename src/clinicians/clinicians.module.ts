import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { LeadsModule } from '../leads/leads.module.js';
import { ClinicianRepository } from './clinician.repository.js';
import { CliniciansController } from './clinicians.controller.js';
import { CliniciansService } from './clinicians.service.js';
import { LeadMatchesController } from './lead-matches.controller.js';
import { LeadMatches } from './lead-matches.service.js';

@Module({
  imports: [LeadsModule, AuditModule],
  controllers: [CliniciansController, LeadMatchesController],
  providers: [CliniciansService, LeadMatches, ClinicianRepository],
})
export class CliniciansModule {}
