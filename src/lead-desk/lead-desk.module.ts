import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { LeadsAdminModule } from '../leads/admin/leads-admin.module.js';
import { LeadsModule } from '../leads/leads.module.js';
import { SettingsModule } from '../settings/settings.module.js';
import { LeadDeskController } from './lead-desk.controller.js';
import { LeadDetailQuery } from './lead-detail.query.js';
import { LeadDetailService } from './lead-detail.service.js';
import { LeadListQuery } from './lead-list.query.js';
import { LeadListService } from './lead-list.service.js';

/**
 * The lead desk: the staff's list, export and page of leads (read across capabilities:
 * leads, inquiries, intakes, notifications, clinicians), and the routes of their changes.
 * Nothing imports it but the app module.
 */
@Module({
  imports: [LeadsModule, LeadsAdminModule, AuditModule, SettingsModule],
  controllers: [LeadDeskController],
  providers: [LeadListQuery, LeadDetailQuery, LeadListService, LeadDetailService],
})
export class LeadDeskModule {}
