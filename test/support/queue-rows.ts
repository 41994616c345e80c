import type { DataSource } from 'typeorm';
import type { JobName } from '../../src/queue/jobs.js';
import { eventually } from './wait.js';

/** The queues through which a submission becomes email and webhook deliveries. */
export const DELIVERY_QUEUES: readonly JobName[] = [
  'lead.submission-received',
  'notification.deliver',
  'webhook.deliver',
];

/** Jobs of `queues` that have not finished: due, retrying later, or running now. */
export async function unfinishedJobs(
  db: DataSource,
  queues: readonly JobName[] = DELIVERY_QUEUES,
): Promise<number> {
  const [{ n }] = (await db.query(
    `SELECT count(*)::int AS n FROM pgboss.job
      WHERE name = ANY($1::text[]) AND state IN ('created', 'retry', 'active')`,
    [queues],
  )) as [{ n: number }];
  return n;
}

/**
 * Waits until every job of `queues` has finished (completed, or failed for good). From then
 * on nothing more can be sent for what was submitted so far, so a test may count what was.
 */
export async function jobsFinished(
  db: DataSource,
  queues: readonly JobName[] = DELIVERY_QUEUES,
  timeoutMs = 20_000,
): Promise<void> {
  await eventually(
    async () => (await unfinishedJobs(db, queues)) === 0,
    `every job of ${queues.join(', ')} to finish`,
    timeoutMs,
  );
}

/** The names of the queued jobs (any state) whose payload names this lead. */
export async function jobsOfLead(db: DataSource, leadId: string): Promise<string[]> {
  const rows = (await db.query(
    `SELECT name FROM pgboss.job WHERE data->>'leadId' = $1 ORDER BY name`,
    [leadId],
  )) as { name: string }[];
  return rows.map((row) => row.name);
}
