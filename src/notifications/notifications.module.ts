import { type DynamicModule, Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { MetricsModule } from '../metrics/metrics.module.js';
import { SettingsModule } from '../settings/settings.module.js';
import { WebhooksModule } from '../webhooks/webhooks.module.js';
import { LeadAnnouncements } from './lead-announcements.service.js';
import { MailTransport, SMTP_URL } from './mail-transport.js';
import { NotificationLog } from './notification-log.service.js';
import { NotificationRepository } from './notification.repository.js';
import { NotificationWorkers } from './notification-workers.js';
import { NotificationsController } from './notifications.controller.js';
import { NotificationsService } from './notifications.service.js';
import { VisitorMailRepository } from './visitor-mail.repository.js';

@Module({})
export class NotificationsModule {
  static forRoot(smtpUrl: string): DynamicModule {
    return {
      module: NotificationsModule,
      // Every capability that takes submissions plans email through it.
      global: true,
      imports: [WebhooksModule, AuditModule, MetricsModule, SettingsModule],
      controllers: [NotificationsController],
      providers: [
        { provide: SMTP_URL, useValue: smtpUrl },
        MailTransport,
        NotificationsService,
        LeadAnnouncements,
        NotificationWorkers,
        NotificationLog,
        NotificationRepository,
        VisitorMailRepository,
      ],
      exports: [
        NotificationsService,
        MailTransport,
        LeadAnnouncements,
        NotificationRepository,
        VisitorMailRepository,
      ],
    };
  }
}
