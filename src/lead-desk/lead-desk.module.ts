import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { ConsentsModule } from '../consents/consents.module.js';
import { LeadsModule } from '../leads/leads.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { SettingsModule } from '../settings/settings.module.js';
import { WebhooksModule } from '../webhooks/webhooks.module.js';
import { LeadDeskController } from './lead-desk.controller.js';
import { LeadDetailQuery } from './lead-detail.query.js';
import { LeadDetailService } from './lead-detail.service.js';
import { LeadListQuery } from './lead-list.query.js';
import { LeadListService } from './lead-list.service.js';
import { LeadTriageService } from './lead-triage.service.js';
import { ContactAttempts } from './contact-attempts.service.js';
import { LeadCountsQuery } from './lead-counts.query.js';

import { ReturningClientQuery } from './returning-client.query.js';

import { LeadSignaturesController } from './lead-signatures.controller.js';
import { LeadSignaturesService } from './lead-signatures.service.js';

/**
 * The lead desk: the staff's list, export and page of leads (read across capabilities:
 * leads, inquiries, intakes, notifications, clinicians), and their changes: triage (PATCH),
 * which announces a cleared review, notes, contact attempts and the desk's counts.
 * Nothing imports it but the app module.
 */
@Module({
  imports: [
    LeadsModule,
    AuditModule,
    SettingsModule,
    WebhooksModule,
    NotificationsModule,
    ConsentsModule,
  ],
  controllers: [LeadDeskController, LeadSignaturesController],
  providers: [
    LeadListQuery,
    LeadDetailQuery,
    LeadListService,
    LeadDetailService,
    LeadTriageService,
    ContactAttempts,
    LeadCountsQuery,

    ReturningClientQuery,

    LeadSignaturesService,
  ],
})
export class LeadDeskModule {}
