import { Module } from '@nestjs/common';
import { SettingsModule } from '../../settings/settings.module.js';
import { AuditModule } from '../../audit/audit.module.js';
import { WebhooksModule } from '../../webhooks/webhooks.module.js';
import { LeadsModule } from '../leads.module.js';
import { LeadDetailService } from './lead-detail.service.js';
import { LeadListService } from './lead-list.service.js';
import { LeadTriageService } from './lead-triage.service.js';
import { LeadsAdminController } from './leads-admin.controller.js';

/** The staff side of leads: list, detail, triage changes, notes, CSV export. */
@Module({
  imports: [LeadsModule, WebhooksModule, AuditModule, SettingsModule],
  controllers: [LeadsAdminController],
  providers: [LeadListService, LeadDetailService, LeadTriageService],
})
export class LeadsAdminModule {}
