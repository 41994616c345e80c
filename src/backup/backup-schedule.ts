import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { DATABASE_URL } from '../database/database.module.js';
import { JobQueue } from '../queue/job-queue.js';
import { backupFileName, backupsToDelete } from './backup-files.js';
import { backupFolder } from './backup-folder.js';
import { writeBackup } from './database-backup.js';

/** Every day at 02:15 in the practice's time zone, before the retention purge at 03:30. */
export const BACKUP_CRON = '15 2 * * *';

/**
 * With BACKUP_DIR set: registers the daily backup (pg-boss keeps one schedule per queue and
 * sends one job per occurrence, so replicas make one backup a day, not one each) and, where
 * workers run, writes it and deletes the oldest beyond BACKUP_KEEP.
 */
@Injectable()
export class BackupSchedule implements OnApplicationBootstrap {
  private readonly logger = new Logger(BackupSchedule.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DATABASE_URL) private readonly databaseUrl: string,
    private readonly queue: JobQueue,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.backups.dir) return;
    await this.queue.daily('backup.write', BACKUP_CRON, () => this.run());
  }

  /** Writes one backup into BACKUP_DIR, then keeps the newest BACKUP_KEEP. */
  async run(now = new Date()): Promise<string> {
    const folder = path.resolve(this.config.backups.dir!);
    await backupFolder(folder);
    const written = await writeBackup(this.databaseUrl, path.join(folder, backupFileName(now)));
    const deleted = backupsToDelete(await readdir(folder), this.config.backups.keep);
    for (const name of deleted) await rm(path.join(folder, name), { force: true });
    this.logger.log(
      { file: written.path, bytes: written.bytes, sha256: written.sha256, deleted },
      'backup written',
    );
    return written.path;
  }
}
