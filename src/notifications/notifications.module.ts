import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { LeadsModule } from '../leads/leads.module.js';

import { MetricsModule } from '../metrics/metrics.module.js';
import { SettingsModule } from '../settings/settings.module.js';
import { WebhooksModule } from '../webhooks/webhooks.module.js';
import { LeadAnnouncements } from './lead-announcements.service.js';
import { MailSources } from './mail-sources.js';
import { MailTransport } from './mail-transport.js';
import { NotificationLog } from './notification-log.service.js';
import { NotificationRepository } from './notification.repository.js';
import { NotificationWorkers } from './notification-workers.js';
import { NotificationsController } from './notifications.controller.js';
import { NotificationsService } from './notifications.service.js';
import { VisitorMailRepository } from './visitor-mail.repository.js';

/** Email: planning, sending, the staff log of it; capabilities that send import it. */
@Module({
  imports: [WebhooksModule, AuditModule, MetricsModule, SettingsModule, LeadsModule],

  controllers: [NotificationsController],
  providers: [
    MailTransport,
    MailSources,
    NotificationsService,
    LeadAnnouncements,
    NotificationWorkers,
    NotificationLog,
    NotificationRepository,
    VisitorMailRepository,
  ],
  exports: [
    NotificationsService,
    MailSources,
    MailTransport,
    LeadAnnouncements,
    NotificationRepository,
    VisitorMailRepository,
  ],
})
export class NotificationsModule {}
