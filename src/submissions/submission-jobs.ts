import { Injectable } from '@nestjs/common';
import { insertJobs, notifyChannelSql } from 'pg-boss/dist/plans.js';
import { JobQueue, QUEUE_SCHEMA } from '../queue/job-queue.js';
import type { JobName } from '../queue/jobs.js';

/** The job rows of one queue as CTEs of a larger statement (see `jobInsertCtes`). */
export interface JobInsertCtes {
  /** `<name> AS (INSERT … RETURNING id)`, plus the NOTIFY that wakes workers. */
  ctes: string[];
  /** An expression to select in the final SELECT so PostgreSQL runs the NOTIFY. */
  notified: string;
}

/**
 * Job rows written by a submission's own statement instead of one `send` round trip
 * each. The INSERT is pg-boss's own (`insertJobs`, the SQL `send` runs), so a job written
 * here carries its queue's policy exactly as a sent one; only its input differs: a JSON
 * array computed inside the statement (e.g. from the lead a CTE matched or created).
 */
@Injectable()
export class SubmissionJobs {
  private readonly queues = new Map<JobName, { table: string; notify: boolean }>();

  constructor(private readonly jobs: JobQueue) {}

  /**
   * CTEs named `<cte>` and `<cte>_notified` inserting one job per element of `jobsJson`
   * (an SQL expression of type json: `[{"data": {...}}, ...]`, or NULL for none).
   */
  async jobInsertCtes(name: JobName, cte: string, jobsJson: string): Promise<JobInsertCtes> {
    const queue = await this.queue(name);
    const insert = insertJobs(QUEUE_SCHEMA, { table: queue.table, name, returnId: true });
    if (!insert.includes('$1::text::json')) {
      throw new Error('pg-boss insertJobs changed shape: review SubmissionJobs');
    }
    const ctes = [`${cte} AS (${insert.replace('$1::text::json', () => `(${jobsJson})`)})`];
    if (!queue.notify) return { ctes, notified: '0' };
    // As pg-boss's own send: one NOTIFY, committed with the rows, wakes the workers.
    ctes.push(
      `${cte}_notified AS (SELECT pg_notify(${notifyChannelSql(QUEUE_SCHEMA)}, '${name}') FROM ${cte} LIMIT 1)`,
    );
    return { ctes, notified: `(SELECT count(*) FROM ${cte}_notified)` };
  }

  /** The queue's table and NOTIFY setting, read once per process (queues are made at boot). */
  private async queue(name: JobName): Promise<{ table: string; notify: boolean }> {
    const known = this.queues.get(name);
    if (known) return known;
    const found = (await this.jobs.boss.getQueue(name)) as { table?: unknown; notify?: unknown };
    if (typeof found?.table !== 'string') throw new Error(`queue ${name} does not exist`);
    const queue = { table: found.table, notify: found.notify === true };
    this.queues.set(name, queue);
    return queue;
  }
}
