import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/app-config.js';

/**
 * The audit trail is append-only because triggers refuse UPDATE, DELETE and TRUNCATE. A
 * role that owns the table (or is a superuser) may drop those triggers, so on a database
 * of its own (DATABASE_URL) the service should run as a role that only migrations' role
 * owns tables for. Start-up says so when it is not the case; the embedded development
 * database runs as its superuser by design and is not checked.
 */
@Injectable()
export class AuditTrailRoleCheck implements OnApplicationBootstrap {
  private readonly logger = new Logger('AuditTrail');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.database.url) return;
    const problem = await this.runtimeRoleProblem();
    if (problem) {
      this.logger.warn(
        `the database role of this service ${problem}, so it could drop the audit trail's ` +
          'append-only triggers: run migrations as a separate owner role and the service as ' +
          'a role with only the privileges it needs (see docs/security.md)',
      );
    }
  }

  /** Why the connected role could alter the audit table, or undefined when it cannot. */
  async runtimeRoleProblem(): Promise<string | undefined> {
    const [row] = (await this.dataSource.query(
      `SELECT r.rolsuper AS superuser,
              pg_has_role(current_user, c.relowner, 'USAGE') AS owner
         FROM pg_roles r, pg_class c
        WHERE r.rolname = current_user AND c.oid = to_regclass('audit_event')`,
    )) as { superuser: boolean; owner: boolean }[];
    // No audit table yet (migrations pending, MIGRATIONS_RUN=false): nothing to guard.
    if (!row) return undefined;
    if (row.superuser) return 'is a superuser';
    if (row.owner) return 'owns the audit_event table';
    return undefined;
  }
}
