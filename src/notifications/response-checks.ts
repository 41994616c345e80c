import type { EntityManager } from 'typeorm';
import {
  escalationDeadline,
  responseDeadline,
  type ResponseTargets,
} from '../vocabulary/response-targets.js';
import type { Urgency } from '../vocabulary/urgency.js';
import type { JobQueue } from '../queue/job-queue.js';

/**
 * Queues a lead's reminder (at its response target) and escalation (at twice it) checks
 * in the caller's transaction. Each check's job key names the lead, stage and urgency, so
 * a check already queued for them is never queued twice; `keyedByTime` adds the due time
 * (a target change, or a check that found itself early, wants one job per time).
 */
export async function scheduleResponseChecks(
  queue: JobQueue,
  manager: EntityManager,
  lead: { id: string; createdAt: Date; urgency: Urgency },
  targets: ResponseTargets,
  { keyedByTime = false }: { keyedByTime?: boolean } = {},
): Promise<void> {
  for (const stage of ['reminder', 'escalation'] as const) {
    const due = (stage === 'reminder' ? responseDeadline : escalationDeadline)(
      lead.createdAt,
      lead.urgency,
      targets,
    );
    const key = `${lead.id}:${stage}:${lead.urgency}`;
    await queue.enqueueIn(
      manager,
      'lead.response-check',
      { leadId: lead.id, stage, urgency: lead.urgency },
      { startAfter: due, onceFor: keyedByTime ? `${key}:${due.toISOString()}` : key },
    );
  }
}
