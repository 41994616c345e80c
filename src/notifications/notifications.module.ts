import { type DynamicModule, Module } from '@nestjs/common';
import { WebhooksModule } from '../webhooks/webhooks.module.js';
import { LeadAnnouncements } from './lead-announcements.service.js';
import { MailTransport, SMTP_URL } from './mail-transport.js';
import { NotificationWorkers } from './notification-workers.js';
import { NotificationsService } from './notifications.service.js';

@Module({})
export class NotificationsModule {
  static forRoot(smtpUrl: string): DynamicModule {
    return {
      module: NotificationsModule,
      // Every capability that takes submissions plans email through it.
      global: true,
      imports: [WebhooksModule],
      providers: [
        { provide: SMTP_URL, useValue: smtpUrl },
        MailTransport,
        NotificationsService,
        LeadAnnouncements,
        NotificationWorkers,
      ],
      exports: [NotificationsService, MailTransport],
    };
  }
}
