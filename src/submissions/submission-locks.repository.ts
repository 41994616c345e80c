import type { EntityManager } from 'typeorm';
import { IDEMPOTENCY_WINDOW_HOURS } from '../common/idempotency/idempotency.service.js';
import { PRACTICE_SETTING_ROW } from '../settings/practice-setting.entity.js';
import type { StoredSettings } from '../settings/setting-values.js';
import { queryPrepared } from '../database/prepared-statements.js';

/**
 * THE LOCK ORDER of every public submission, in one place. Concurrent submissions, a
 * change of the practice settings and staff writes to leads cannot deadlock because
 * each takes what it needs in this order and never goes back:
 *
 *   1. the Idempotency-Key row (a retry racing its original waits here, holding nothing);
 *   2. the practice-settings row, shared (a change of the targets holds it exclusively
 *      and then rewrites lead deadlines: it must never wait for a lead we hold first);
 *   3. the advisory lock on the normalized email (two first submissions of one person
 *      queue here, so the second sees the lead the first created);
 *   4. lead rows (`LeadRepository.matchOrCreateForSubmission`: the referenced lead, else
 *      the open lead of the email, else the survivor of a merge; one of them at most);
 *   5. the rows of the submission itself (a partner link, the intake it completes).
 *
 * 1–3 are taken here, in one statement: each lock is a CTE that reads a count of the
 * one before it, so PostgreSQL cannot take them in another order. 4 and 5 follow in
 * later statements: a row found under the email lock must be read by a statement that
 * starts after the lock is held, or it would miss a lead committed while we waited.
 */
export interface SubmissionLockRequest {
  /** Claim this Idempotency-Key, storing the answer the transaction will give. */
  claim?: { scope: string; key: string; requestHash: string; answer: unknown };
  /** Serialize with other submissions from this normalized address. */
  emailNormalized?: string;
}

export interface SubmissionLocks {
  /** False when the key was already claimed (a replay or a reuse: ask `claimedAnswer`). */
  claimed: boolean;
  /** The stored practice settings, read under the share lock. */
  settings: StoredSettings;
  /** The practice's stored time zone; null: PRACTICE_TIME_ZONE. */
  timeZone: string | null;
}

interface LockRow {
  claimed: number;
  crisis: number | null;
  high: number | null;
  routine: number | null;
  spam: number | null;
  time_zone: string | null;
}

export async function takeSubmissionLocks(
  manager: EntityManager,
  request: SubmissionLockRequest,
): Promise<SubmissionLocks> {
  const { claim, emailNormalized } = request;
  const [row] = await queryPrepared<LockRow>(
    manager,
    `WITH claim AS (
       INSERT INTO idempotency_record
              (scope, key, request_hash, response_status, response_body, created_at)
       SELECT $1::varchar, $2::varchar, $3::char(64), 201, $4::json, now()
        WHERE $1::varchar IS NOT NULL
       -- An expired record is taken over as if it were new.
       ON CONFLICT (scope, key) DO UPDATE
          SET request_hash = EXCLUDED.request_hash, created_at = EXCLUDED.created_at,
              response_status = EXCLUDED.response_status, response_body = EXCLUDED.response_body
        WHERE idempotency_record.created_at < now() - make_interval(hours => $5)
       RETURNING 1
     ),
     settings AS (
       SELECT s.response_target_crisis_minutes, s.response_target_high_minutes,
              s.response_target_routine_business_days, s.spam_min_seconds, s.time_zone
         FROM practice_setting s, (SELECT count(*) FROM claim) AS after_claim
        WHERE s.id = $6
          FOR SHARE OF s
     ),
     email_lock AS (
       SELECT pg_advisory_xact_lock(hashtextextended('lead-email:' || $7::text, 0))
         FROM (SELECT count(*) FROM claim) AS after_claim,
              (SELECT count(*) FROM settings) AS after_settings
        WHERE $7::text IS NOT NULL
     )
     SELECT (SELECT count(*) FROM claim)::int AS claimed,
            (SELECT count(*) FROM email_lock)::int AS locked,
            s.response_target_crisis_minutes AS crisis,
            s.response_target_high_minutes AS high,
            s.response_target_routine_business_days AS routine,
            s.spam_min_seconds AS spam,
            s.time_zone
       FROM (SELECT 1) AS one LEFT JOIN settings s ON true`,
    [
      claim?.scope ?? null,
      claim?.key ?? null,
      claim?.requestHash ?? null,
      claim ? JSON.stringify(claim.answer) : null,
      IDEMPOTENCY_WINDOW_HOURS,
      PRACTICE_SETTING_ROW,
      emailNormalized ?? null,
    ],
  );
  if (!row) throw new Error('the submission locks answered no row');
  return {
    claimed: row.claimed > 0,
    settings: {
      'responseTargets.crisisMinutes': row.crisis,
      'responseTargets.highMinutes': row.high,
      'responseTargets.routineBusinessDays': row.routine,
      spamMinSeconds: row.spam,
    },
    timeZone: row.time_zone,
  };
}
