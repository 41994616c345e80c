import { randomUUID } from 'node:crypto';
import { type EntityManager, QueryFailedError, Raw } from 'typeorm';
import { ProblemException } from '../common/problem-details.js';
import { normalizeEmail } from '../vocabulary/contact.js';
import type { UserRole } from '../vocabulary/user-role.js';
import { StaffUserRepository } from './staff-user.repository.js';
import { User } from './user.entity.js';

const staffUsers = new StaffUserRepository();

/** What `addStaffUser` needs; the address is stored lower-cased. */
export interface NewStaffUser {
  email: string;
  name: string;
  role: UserRole;
  /** argon2id hash, or null for an invited person who sets it from their link. */
  passwordHash: string | null;
}

export function emailTaken(): ProblemException {
  return new ProblemException('conflict', 'A staff account with this email address exists.');
}

/**
 * Adds a staff account in the caller's transaction; used by the admin API and by
 * `npm run create-admin`. An address already in use, in any letter case, is a 409.
 */
export async function addStaffUser(manager: EntityManager, input: NewStaffUser): Promise<User> {
  const email = normalizeEmail(input.email);
  const users = manager.getRepository(User);
  const taken = await users.exists({
    where: { email: Raw((column) => `LOWER(${column}) = :email`, { email }) },
  });
  if (taken) throw emailTaken();
  const id = randomUUID();
  try {
    await staffUsers.add(manager, {
      id,
      email,
      name: input.name,
      role: input.role,
      active: true,
      passwordHash: input.passwordHash,
      passwordChangedAt: input.passwordHash === null ? null : new Date(),
    });
  } catch (error) {
    // Two requests for one address at once: the unique index lets one through.
    if (
      error instanceof QueryFailedError &&
      (error.driverError as { code?: string }).code === '23505'
    ) {
      throw emailTaken();
    }
    throw error;
  }
  return users.findOneByOrFail({ id });
}
