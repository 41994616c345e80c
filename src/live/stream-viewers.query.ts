import type { EntityManager } from 'typeorm';
import { SESSION_IDLE_MS } from '../auth/staff-context.js';
import type { UserRole } from '../vocabulary/user-role.js';
import type { Viewer } from './live-signal.js';

/*
 * Who the open streams are for, read fresh: SQL only. A session counts while it has not
 * ended, is within its lifetime and idle limit, and its account is active; a clinician's
 * profile is read with it, so a changed assignment of profiles shows at the next beat.
 */

interface ViewerRow {
  session_id: string;
  role: UserRole;
  clinician_id: string | null;
}

/** The live sessions among `sessionIds`, each with its viewer. */
export async function readLiveViewers(
  manager: EntityManager,
  sessionIds: readonly string[],
  now: Date,
): Promise<Map<string, Viewer>> {
  if (sessionIds.length === 0) return new Map();
  const rows = (await manager.query(
    `SELECT s.id AS session_id, u.role, c.id AS clinician_id
       FROM staff_session s
       JOIN staff_user u ON u.id = s.user_id AND u.active
       LEFT JOIN clinician c ON c.user_id = u.id
      WHERE s.id = ANY($1::uuid[]) AND s.ended_at IS NULL
        AND s.expires_at > $2 AND s.last_seen_at > $3`,
    [sessionIds, now, new Date(now.getTime() - SESSION_IDLE_MS)],
  )) as ViewerRow[];
  return new Map(
    rows.map((row) => [row.session_id, { role: row.role, clinicianId: row.clinician_id }]),
  );
}

/** The clinician profile linked to a staff account, if any. */
export async function readClinicianIdOf(
  manager: EntityManager,
  userId: string,
): Promise<string | null> {
  const rows = (await manager.query(`SELECT id FROM clinician WHERE user_id = $1 LIMIT 1`, [
    userId,
  ])) as { id: string }[];
  return rows[0]?.id ?? null;
}
