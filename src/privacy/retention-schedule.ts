import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { JobQueue } from '../queue/job-queue.js';
import { Retention } from './retention.service.js';

/** Every day at 03:30 in the practice's time zone, when nobody is triaging. */
export const RETENTION_CRON = '30 3 * * *';

/**
 * Registers the daily retention job (every process may: pg-boss keeps one schedule) and,
 * where workers run, works it one at a time.
 */
@Injectable()
export class RetentionSchedule implements OnApplicationBootstrap {
  constructor(
    private readonly queue: JobQueue,
    private readonly retention: Retention,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.daily('retention.purge', RETENTION_CRON, () => this.retention.run());
  }
}
