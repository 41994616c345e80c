import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DataCipher } from '../common/encryption/data-cipher.js';
import { ProblemException } from '../common/problem-details.js';
import { hashToken } from '../common/tokens.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import type { User } from '../users/user.entity.js';
import {
  STAFF_LINK_TOKEN_PATTERN,
  STAFF_TOKEN_LIFETIME_MS,
  staffLinkToken,
} from '../users/staff-link-tokens.js';
import { StaffToken, type StaffTokenPurpose } from '../users/staff-token.entity.js';
import { StaffTokenRepository } from '../users/staff-token.repository.js';

/** A link that can still be used, with the account it belongs to. */
export type LiveStaffToken = StaffToken & { user: User };

/**
 * One-time links for staff (invitations, password resets): issued with their email in
 * the caller's transaction, looked up by hash, spent exactly once.
 */
@Injectable()
export class StaffTokens {
  constructor(
    private readonly cipher: DataCipher,
    private readonly notifications: NotificationsService,
    private readonly tokens: StaffTokenRepository,
  ) {}

  /**
   * A new link for `user`, replacing its unused links of the same purpose (they stop
   * working now), and the email that carries it.
   */
  async issue(
    manager: EntityManager,
    user: Pick<User, 'id'>,
    purpose: StaffTokenPurpose,
    now = new Date(),
  ): Promise<StaffToken> {
    await this.expireUnused(manager, user.id, now, purpose);
    const id = randomUUID();
    const { keyId, hash } = staffLinkToken(this.cipher, id);
    const staffToken = manager.getRepository(StaffToken).create({
      id,
      userId: user.id,
      purpose,
      tokenHash: hash,
      tokenKeyId: keyId,
      expiresAt: new Date(now.getTime() + STAFF_TOKEN_LIFETIME_MS[purpose]),
      usedAt: null,
    });
    await this.tokens.add(manager, staffToken);
    const kind = purpose === 'invitation' ? 'staff_invitation' : 'password_reset';
    await this.notifications.planIn(manager, [
      {
        kind,
        dedupeKey: `${kind}:${id}`,
        leadId: null,
        recipient: 'user',
        userId: user.id,
        context: { tokenId: id },
      },
    ]);
    return staffToken;
  }

  /**
   * The link behind `token` if it may still be used: an unknown token is 404; one that
   * expired, was used or replaced, or whose account was deactivated is 410.
   */
  async usable(
    manager: EntityManager,
    token: string,
    purpose: StaffTokenPurpose,
    now = new Date(),
  ): Promise<LiveStaffToken> {
    const found = STAFF_LINK_TOKEN_PATTERN.test(token)
      ? await manager.getRepository(StaffToken).findOne({
          where: { tokenHash: hashToken(token), purpose },
          relations: { user: true },
        })
      : null;
    if (!found?.user) throw new ProblemException('not-found', 'This link is not known.');
    if (found.usedAt || found.expiresAt <= now || !found.user.active) throw gone();
    return found as LiveStaffToken;
  }

  /**
   * Marks the link used. A conditional UPDATE: of two requests spending it at once,
   * the second waits for the first and then finds nothing to update (410).
   */
  async spend(manager: EntityManager, tokenId: string, now = new Date()): Promise<void> {
    if (!(await this.tokens.markUsed(manager, tokenId, now))) throw gone();
  }

  /** Ends the user's unused links (of one purpose, or all): a later link replaces them. */
  async expireUnused(
    manager: EntityManager,
    userId: string,
    now = new Date(),
    purpose?: StaffTokenPurpose,
  ): Promise<void> {
    await this.tokens.expireUnused(manager, userId, now, purpose);
  }
}

export function gone(): ProblemException {
  return new ProblemException(
    'gone',
    'This link has expired or was already used; ask for a new one.',
  );
}
