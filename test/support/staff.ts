import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { UserRole } from '../../src/users/user-role.js';

/** Adds a staff account straight to the database (the admin API comes later). */
export async function aStaffMember(
  db: DataSource,
  role: UserRole,
  overrides: { email?: string; active?: boolean } = {},
): Promise<{ id: string; email: string }> {
  const id = randomUUID();
  const email = overrides.email ?? `${role}.${id.slice(0, 8)}@practice.example.com`;
  await db.query(
    `INSERT INTO staff_user (id, email, name, role, active) VALUES ($1, $2, $3, $4, $5)`,
    [id, email, `Staff ${role}`, role, overrides.active ?? true],
  );
  return { id, email };
}
