import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/** A readiness probe answers within this, whatever the database does. */
const READY_WITHIN_MS = 3_000;

export type DatabaseReadiness = 'ok' | 'unreachable' | 'migrations-pending';

/** Whether the database answers and every migration is applied. */
@Injectable()
export class Readiness {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async database(): Promise<DatabaseReadiness> {
    const pending = await within(READY_WITHIN_MS, async () => {
      await this.dataSource.query('SELECT 1');
      return this.dataSource.showMigrations();
    });
    if (pending === undefined) return 'unreachable';
    return pending ? 'migrations-pending' : 'ok';
  }
}

/** `work`'s result, or undefined when it fails or takes longer than `ms`. */
async function within<T>(ms: number, work: () => Promise<T>): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([work().catch(() => undefined), late]);
  } finally {
    clearTimeout(timer);
  }
}
