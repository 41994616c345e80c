import { Module } from '@nestjs/common';
import { SettingsModule } from '../../settings/settings.module.js';
import { AuditModule } from '../../audit/audit.module.js';
import { WebhooksModule } from '../../webhooks/webhooks.module.js';
import { NotificationsModule } from '../../notifications/notifications.module.js';
import { LeadsModule } from '../leads.module.js';
import { LeadTriageService } from './lead-triage.service.js';

/** Staff changes to leads: triage (PATCH) and notes. Their routes are the lead desk's. */
@Module({
  imports: [LeadsModule, WebhooksModule, AuditModule, SettingsModule, NotificationsModule],
  providers: [LeadTriageService],
  exports: [LeadTriageService],
})
export class LeadsAdminModule {}
