import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { JobQueue } from '../queue/job-queue.js';
import { IntakeDraftsService } from './intake-drafts.service.js';

/** Every day at 03:45 in the practice's time zone, after the retention purge. */
export const DRAFT_PURGE_CRON = '45 3 * * *';

/**
 * Registers the daily purge of expired drafts (pg-boss keeps one schedule, so replicas
 * purge once a day) and, where workers run, works it.
 */
@Injectable()
export class IntakeDraftSchedule implements OnApplicationBootstrap {
  constructor(
    private readonly queue: JobQueue,
    private readonly drafts: IntakeDraftsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.daily('intake-draft.purge', DRAFT_PURGE_CRON, () => this.run());
  }

  /** The job's work: expired drafts deleted. */
  async run(): Promise<void> {
    await this.drafts.purgeExpired();
  }
}
