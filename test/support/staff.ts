import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { type Algorithm, hash } from '@node-rs/argon2';
import type { UserRole } from '../../src/vocabulary/user-role.js';
import type { TestApp } from './test-app.js';

export const STAFF_PASSWORD = 'correct horse battery staple';

/**
 * argon2id at its lowest cost for the accounts tests seed (hundreds per run): the app
 * reads the cost from the stored hash when it verifies, so sign-in works as with a real
 * hash at a fraction of the time. What the app hashes itself (set, change or reset a
 * password) uses its own cost. 2 = Algorithm.Argon2id (a const enum).
 */
const SEED_HASH = { algorithm: 2 as Algorithm, memoryCost: 1024, timeCost: 1, parallelism: 1 };

export interface StaffMember {
  id: string;
  email: string;
  role: UserRole;
  password: string;
  /** The clinician profile linked to this account (clinicians only). */
  clinicianId?: string;
}

/** Adds a staff account straight to the database, with a password, and for a clinician a profile. */
export async function aStaffMember(
  db: DataSource,
  role: UserRole,
  overrides: { email?: string; active?: boolean; password?: string | null } = {},
): Promise<StaffMember> {
  const id = randomUUID();
  const email = overrides.email ?? `${role}.${id.slice(0, 8)}@practice.example.com`;
  const password = overrides.password === undefined ? STAFF_PASSWORD : overrides.password;
  await db.query(
    `INSERT INTO staff_user (id, email, name, role, active, password_hash, password_changed_at)
     VALUES ($1, $2, $3, $4, $5, $6, now())`,
    [
      id,
      email,
      `Staff ${role}`,
      role,
      overrides.active ?? true,
      password && (await hash(password, SEED_HASH)),
    ],
  );
  const member: StaffMember = { id, email, role, password: password ?? '' };
  if (role === 'clinician') {
    member.clinicianId = randomUUID();
    await db.query(
      `INSERT INTO clinician (id, user_id, name, email, modalities, service_types, licensed_states, weekly_capacity)
       VALUES ($1, $2, $3, $4, '{eft,gottman}', '{individual,couples}', '{CA,NY}', 5)`,
      [member.clinicianId, id, `Staff ${role}`, email],
    );
  }
  return member;
}

/** Signs in through the API; returns the bearer token and the session cookie. */
export async function signIn(
  { http }: Pick<TestApp, 'http'>,
  member: Pick<StaffMember, 'email' | 'password'>,
  totp?: string,
): Promise<{ token: string; cookie: string; auth: { Authorization: string } }> {
  const response = await http
    .post('/v1/auth/login')
    .send({ email: member.email, password: member.password, ...(totp ? { totp } : {}) });
  if (response.status !== 200) {
    throw new Error(`sign-in failed: ${response.status} ${JSON.stringify(response.body)}`);
  }
  const token = response.body.token as string;
  const setCookie = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
  const cookie = setCookie[0]!.split(';')[0]!;
  return { token, cookie, auth: { Authorization: `Bearer ${token}` } };
}

/** A staff member of `role`, signed in. */
export async function aSignedInStaffMember(app: TestApp, role: UserRole) {
  const member = await aStaffMember(app.db, role);
  return { ...member, ...(await signIn(app, member)) };
}
