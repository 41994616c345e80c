import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { ConsentsModule } from '../consents/consents.module.js';
import { LeadsModule } from '../leads/leads.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { RateLimitModule } from '../rate-limit/rate-limit.module.js';
import { PaperworkController, PaperworkRequestsController } from './paperwork.controller.js';
import { PaperworkMail } from './paperwork-mail.js';
import { PaperworkService } from './paperwork.service.js';

/** Paperwork requests: a link to sign the consent documents still missing. */
@Module({
  imports: [ConsentsModule, NotificationsModule, LeadsModule, AuditModule, RateLimitModule],
  controllers: [PaperworkRequestsController, PaperworkController],
  providers: [PaperworkService, PaperworkMail],
})
export class PaperworkModule {}
