import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { PgBoss } from 'pg-boss';
import type { EntityManager } from 'typeorm';
import { DATABASE_URL } from '../database/database.module.js';
import { JOB_NAMES, type JobName, type JobPayloads } from './jobs.js';

/**
 * The durable job queue (pg-boss, in PostgreSQL). Jobs are sent inside the caller's
 * transaction, so a job exists exactly when the rows it is about were committed.
 */
@Injectable()
export class JobQueue implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(JobQueue.name);
  readonly boss: PgBoss;

  constructor(@Inject(DATABASE_URL) url: string) {
    this.boss = new PgBoss({
      connectionString: url,
      max: 4,
      application_name: 'relational-intake-queue',
    });
    // Errors from pg-boss's own timers (maintenance, polling) arrive here, not at a caller.
    this.boss.on('error', (error: Error & { code?: string }) =>
      this.logger.error({ err: { type: error.name, code: error.code } }, 'job queue error'),
    );
  }

  async onModuleInit(): Promise<void> {
    await this.boss.start();
    for (const name of JOB_NAMES) await this.boss.createQueue(name);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.boss.stop({ graceful: true, timeout: 10_000 });
  }

  /** Sends a job as part of the transaction `manager` belongs to. */
  async enqueueIn<N extends JobName>(
    manager: EntityManager,
    name: N,
    data: JobPayloads[N],
    options: { singletonKey?: string } = {},
  ): Promise<string> {
    const queryRunner = manager.queryRunner;
    if (!queryRunner?.isTransactionActive) {
      throw new Error(`job ${name} must be sent inside a transaction`);
    }
    const id = await this.boss.send(name, data, {
      ...options,
      db: {
        executeSql: async (text: string, values?: unknown[]) => ({
          rows: (await queryRunner.query(text, values, true)).records,
        }),
      },
    });
    if (!id) throw new Error(`job ${name} was not created`);
    return id;
  }
}
