import { createHash } from 'node:crypto';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { type JobResult, PgBoss, type WorkOptions } from 'pg-boss';
import type { EntityManager } from 'typeorm';
import { loggableError } from '../common/problem-details.filter.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { DATABASE_URL } from '../database/database.module.js';
import { isDatabaseUnreachable } from '../database/unreachable.js';
import { type JobName, type JobPayloads, OUTAGE_PATIENCE_MS, queuePolicies } from './jobs.js';

type WorkPerJob = WorkOptions & { includeMetadata: true; perJobResults: true };

/** The jobs that carry no data (the scheduled ones). */
type DataFreeJob = {
  [N in JobName]: JobPayloads[N] extends Record<string, never> ? N : never;
}[JobName];

const OUTAGE_REPORT_EVERY_MS = 30_000;

export interface RunningJob<N extends JobName> {
  id: string;
  data: JobPayloads[N];
  /** Retries so far (0 on the first run) and how many are allowed. */
  retryCount: number;
  retryLimit: number;
}

/** pg-boss's schema (its default): backups take it along with `public`. */
export const QUEUE_SCHEMA = 'pgboss';

/** A UUID-shaped digest of `text`, for job ids that must be the same on every send. */
export function uuidFrom(text: string): string {
  const hex = createHash('sha256').update(text).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** What a queue holds at a moment (JobQueue.backlog). */
export interface QueueBacklog {
  queue: JobName;
  waiting: number;
  deferred: number;
  active: number;
  oldestWaitingSeconds: number;
}

/** The last run pg-boss will make of a job: failing now fails it for good. */
export const isLastAttempt = (job: { retryCount: number; retryLimit: number }) =>
  job.retryCount >= job.retryLimit;

/**
 * The durable job queue (pg-boss, in PostgreSQL). Jobs are sent inside the caller's
 * transaction, so a job exists exactly when the rows it is about were committed. Any
 * number of processes may work the same queues: pg-boss hands each job to one of them.
 */
@Injectable()
export class JobQueue implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(JobQueue.name);
  readonly boss: PgBoss;
  private stopping = false;
  private lastOutageReport = 0;

  constructor(
    @Inject(DATABASE_URL) url: string,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.boss = new PgBoss({
      connectionString: url,
      max: 4,
      application_name: 'relational-intake-queue',
      connectionTimeoutMillis: config.database.connectTimeoutSeconds * 1000,
      // Workers wake on NOTIFY the moment a job commits; polling stays as a floor.
      useListenNotify: true,
    });
    // Errors from pg-boss's own timers (maintenance, polling, LISTEN) arrive here, not at
    // a caller; without this listener an 'error' event would end the process. pg-boss
    // retries all of them by itself, so an outage of the database only pauses the queue.
    this.boss.on('error', (error: Error & { code?: string }) => this.reportError(error));
  }

  /** While the database is away every poll fails: one line per 30 s says so, not dozens. */
  private reportError(error: Error & { code?: string }): void {
    const err = { type: error.name, code: error.code };
    if (!isDatabaseUnreachable(error)) {
      this.logger.error({ err }, 'job queue error');
      return;
    }
    const now = Date.now();
    if (now - this.lastOutageReport < OUTAGE_REPORT_EVERY_MS) return;
    this.lastOutageReport = now;
    this.logger.warn({ err }, 'job queue paused: the database is unreachable; retrying');
  }

  async onModuleInit(): Promise<void> {
    await this.boss.start();
    for (const [name, policy] of Object.entries(queuePolicies(this.config))) {
      await this.boss.createQueue(name, { ...policy, notify: true });
      await this.boss.updateQueue(name, policy);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.boss.stop({ graceful: true, timeout: 10_000 });
  }

  /**
   * A job that failed because the database went away cannot have its failure recorded
   * until the database answers again; left alone it would wait for its expiry to run
   * again. Waiting here (bounded) lets pg-boss record it and retry it at once.
   */
  private async untilDatabaseAnswers(): Promise<void> {
    const deadline = Date.now() + OUTAGE_PATIENCE_MS;
    while (!this.stopping && Date.now() < deadline) {
      try {
        await this.boss.getDb().executeSql('SELECT 1');
        return;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 1_000).unref());
      }
    }
  }

  /**
   * Sends a job as part of the transaction `manager` belongs to. With `onceFor`, the job
   * is sent at most once per key (e.g. a redelivered job scheduling the same check).
   */
  async enqueueIn<N extends JobName>(
    manager: EntityManager,
    name: N,
    data: JobPayloads[N],
    options: { startAfter?: Date; onceFor?: string } = {},
  ): Promise<string | null> {
    const queryRunner = manager.queryRunner;
    if (!queryRunner?.isTransactionActive) {
      throw new Error(`job ${name} must be sent inside a transaction`);
    }
    const { onceFor, ...sendOptions } = options;
    return this.boss.send(name, data, {
      ...sendOptions,
      // The same `onceFor` always gives the same job id: a second send adds nothing.
      ...(onceFor ? { id: uuidFrom(`${name}:${onceFor}`) } : {}),
      db: {
        executeSql: async (text: string, values?: unknown[]) => ({
          rows: (await queryRunner.query(text, values, true)).records,
        }),
      },
    });
  }

  /**
   * When the waiting jobs of queue `name` whose payload field `field` is one of `values`
   * run next (a first run or a retry coming due), by that value. Jobs running now or
   * finished have no next run and are left out. For admin lists: a page's ids at a time.
   */
  async nextRunsIn<N extends JobName>(
    manager: EntityManager,
    name: N,
    field: keyof JobPayloads[N] & string,
    values: readonly string[],
  ): Promise<Map<string, Date>> {
    if (values.length === 0) return new Map();
    const rows = (await manager.query(
      `SELECT data->>$2 AS value, min(start_after) AS next_run FROM pgboss.job
        WHERE name = $1 AND state IN ('created', 'retry') AND data->>$2 = ANY($3::text[])
        GROUP BY 1`,
      [name, field, values],
    )) as { value: string; next_run: Date }[];
    return new Map(rows.map((row) => [row.value, row.next_run]));
  }

  /**
   * How many jobs each queue holds that have not finished: `waiting` (due now, not yet
   * picked up), `deferred` (due later: retries backing off, scheduled checks) and
   * `active`, with how long the longest-waiting due job has waited. Read from the shared
   * tables, so every process sees the same numbers. Every queue of `names` is listed.
   */
  async backlog(manager: EntityManager, names: readonly JobName[]): Promise<QueueBacklog[]> {
    const rows = (await manager.query(
      `SELECT name,
              count(*) FILTER (WHERE state IN ('created', 'retry') AND start_after <= now())::int
                AS waiting,
              count(*) FILTER (WHERE state IN ('created', 'retry') AND start_after > now())::int
                AS deferred,
              count(*) FILTER (WHERE state = 'active')::int AS active,
              coalesce(extract(epoch FROM now() - min(start_after)
                FILTER (WHERE state IN ('created', 'retry') AND start_after <= now())), 0)::float8
                AS oldest_waiting_seconds
         FROM pgboss.job
        WHERE name = ANY($1::text[]) AND state IN ('created', 'retry', 'active')
        GROUP BY name`,
      [names],
    )) as {
      name: string;
      waiting: number;
      deferred: number;
      active: number;
      oldest_waiting_seconds: number;
    }[];
    return names.map((queue) => {
      const row = rows.find((one) => one.name === queue);
      return {
        queue,
        waiting: row?.waiting ?? 0,
        deferred: row?.deferred ?? 0,
        active: row?.active ?? 0,
        oldestWaitingSeconds: Math.max(0, row?.oldest_waiting_seconds ?? 0),
      };
    });
  }

  /**
   * Sends a job on a cron schedule, in `timeZone`. pg-boss keeps one schedule per queue in
   * the database, so every process may register it at start: one job per occurrence
   * whatever the number of replicas. An occurrence missed while nothing ran is sent once.
   */
  async schedule<N extends JobName>(
    name: N,
    cron: string,
    data: JobPayloads[N],
    timeZone: string,
  ): Promise<void> {
    await this.boss.schedule(name, cron, data, { tz: timeZone, missed: 'once' });
  }

  /**
   * A job of no data once a day at `cron` in the practice's time zone: every process
   * registers the schedule (one job a day whatever the number of replicas, see `schedule`)
   * and, where workers run, works it one at a time with `run`.
   */
  async daily<N extends DataFreeJob>(
    name: N,
    cron: string,
    run: () => Promise<unknown>,
  ): Promise<void> {
    await this.schedule(name, cron, {} as JobPayloads[N], this.config.practice.timeZone);
    if (!this.config.jobs.runWorkers) return;
    await this.work(
      name,
      async () => {
        await run();
      },
      { concurrency: 1 },
    );
  }

  /**
   * Runs `handler` for each job of the queue. A handler that throws has the job retried
   * by the queue's policy; it must record its own outcome before throwing.
   */
  async work<N extends JobName>(
    name: N,
    handler: (job: RunningJob<N>) => Promise<void>,
    options: { concurrency?: number } = {},
  ): Promise<void> {
    await this.boss.work<JobPayloads[N], void, WorkPerJob>(
      name,
      {
        includeMetadata: true,
        perJobResults: true,
        // Up to 5 jobs a fetch, fetched again at once while batches come back full, so a
        // backlog (after an SMTP outage, say) drains at full speed instead of one job per
        // polling interval. NOTIFY wakes workers for new jobs, not for retries coming
        // due: polling every second covers those.
        batchSize: 5,
        burstWhenBatchFull: true,
        localConcurrency: options.concurrency ?? 2,
        pollingIntervalSeconds: 1,
        notifyPollingIntervalSeconds: 1,
      },
      async (jobs) => {
        const results: JobResult[] = [];
        // Once per batch: the rest of it fails fast while the database stays away.
        let waitedForDatabase = false;
        for (const job of jobs) {
          try {
            await handler({
              id: job.id,
              data: job.data,
              retryCount: job.retryCount,
              retryLimit: job.retryLimit,
            });
            results.push({ id: job.id, status: 'completed' });
          } catch (error) {
            // Retried by the queue's policy. Only the error's kind is kept with the job: a
            // driver's message can quote values, i.e. client data.
            const { type, code } = loggableError(error);
            this.logger.warn({ queue: name, jobId: job.id, err: { type, code } }, 'job failed');
            results.push({ id: job.id, status: 'failed', output: { type, code } });
            if (!waitedForDatabase && isDatabaseUnreachable(error)) {
              waitedForDatabase = true;
              await this.untilDatabaseAnswers();
            }
          }
        }
        return results;
      },
    );
  }
}
