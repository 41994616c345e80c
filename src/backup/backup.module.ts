import { Module } from '@nestjs/common';
import { BackupSchedule } from './backup-schedule.js';

/** The daily backup (only with BACKUP_DIR); `npm run backup` / `restore` are its CLIs. */
@Module({ providers: [BackupSchedule], exports: [BackupSchedule] })
export class BackupModule {}
