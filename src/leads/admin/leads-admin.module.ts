import { Module } from '@nestjs/common';
import { WebhooksModule } from '../../webhooks/webhooks.module.js';
import { LeadsModule } from '../leads.module.js';
import { LeadTriageService } from './lead-triage.service.js';

/** Staff changes to leads: triage (PATCH) and notes. Their routes are the lead desk's. */
@Module({
  imports: [LeadsModule, WebhooksModule],
  providers: [LeadTriageService],
  exports: [LeadTriageService],
})
export class LeadsAdminModule {}
