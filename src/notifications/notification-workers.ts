import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { JobQueue } from '../queue/job-queue.js';
import { WebhooksService } from '../webhooks/webhooks.service.js';
import { LeadAnnouncements } from './lead-announcements.service.js';
import { NotificationsService } from './notifications.service.js';

/** Starts this process's job workers, unless RUN_WORKERS is off. */
@Injectable()
export class NotificationWorkers implements OnApplicationBootstrap {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly queue: JobQueue,
    private readonly announcements: LeadAnnouncements,
    private readonly notifications: NotificationsService,
    private readonly webhooks: WebhooksService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.jobs.runWorkers) return;
    await this.queue.work('lead.submission-received', (job) =>
      this.announcements.onSubmissionReceived(job),
    );
    await this.queue.work('lead.response-check', (job) => this.announcements.onResponseCheck(job));
    await this.queue.work('notification.deliver', (job) => this.notifications.deliver(job), {
      concurrency: 4,
    });
    await this.queue.work('webhook.deliver', (job) => this.webhooks.deliver(job), {
      concurrency: 2,
    });
  }
}
