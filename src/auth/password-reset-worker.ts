import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { JobQueue } from '../queue/job-queue.js';
import { CredentialsService } from './credentials.service.js';

/** Where workers run, works the queued password-reset requests. */
@Injectable()
export class PasswordResetWorker implements OnApplicationBootstrap {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly queue: JobQueue,
    private readonly credentials: CredentialsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.jobs.runWorkers) return;
    await this.queue.work('auth.password-reset', async (job) => {
      await this.credentials.sendPasswordReset(job);
    });
  }
}
