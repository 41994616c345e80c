import { type DynamicModule, Module } from '@nestjs/common';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import { BackupModule } from './backup/backup.module.js';
import { CaptchaModule } from './captcha/captcha.module.js';
import { CliniciansModule } from './clinicians/clinicians.module.js';
import { ConsultationsModule } from './consultations/consultations.module.js';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import type { DataKey } from './common/encryption/data-cipher.js';
import { EncryptionModule } from './common/encryption/encryption.module.js';
import { ResealOnStartModule } from './key-rotation/reseal-on-start.js';
import { ConnectionDrain } from './common/connection-drain.js';
import { RateLimitModule } from './rate-limit/rate-limit.module.js';
import { loggerParams } from './common/logging.js';
import type { AppConfig } from './config/app-config.js';
import { ConfigModule } from './config/config.module.js';
import { DatabaseModule } from './database/database.module.js';
import { HealthModule } from './health/health.module.js';
import { InquiriesModule } from './inquiries/inquiries.module.js';
import { IntakeModule } from './intake/intake.module.js';
import { IntakeDraftsModule } from './intake-drafts/intake-drafts.module.js';

import { ConsentsModule } from './consents/consents.module.js';
import { PaperworkModule } from './paperwork/paperwork.module.js';
import { LeadPrivacyModule } from './privacy/lead-privacy.module.js';
import { LeadDeskModule } from './lead-desk/lead-desk.module.js';
import { LiveModule } from './live/live.module.js';
import { MetricsModule } from './metrics/metrics.module.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { ProblemsController } from './problems/problems.controller.js';
import { PracticeModule } from './practice/practice.module.js';
import { QueueModule } from './queue/queue.module.js';
import { UsersAdminModule } from './users-admin/users-admin.module.js';
import { SettingsAdminModule } from './settings-admin/settings-admin.module.js';
import { StatsModule } from './stats/stats.module.js';

export interface AppModuleOptions {
  config: AppConfig;
  /** The database in use: DATABASE_URL or the embedded cluster's. */
  databaseUrl: string;
  /** The SMTP server in use: SMTP_URL or the local mail catcher's. */
  smtpUrl: string;
  /** The key ring for data at rest, current key first. */
  dataKeys: readonly DataKey[];
  /** Where logs go; stdout when not given (tests capture them). */
  logDestination?: DestinationStream;
}

@Module({})
export class AppModule {
  static forRoot({
    config,
    databaseUrl,
    smtpUrl,
    dataKeys,
    logDestination,
  }: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config, { smtpUrl }),
        LoggerModule.forRoot(loggerParams(config, logDestination)),
        DatabaseModule.forRoot(config, databaseUrl),
        EncryptionModule.forRoot(dataKeys),
        QueueModule,
        MetricsModule,
        HealthModule,
        AuditModule,
        AuthModule,
        InquiriesModule,
        IntakeModule,
        ConsentsModule,
        PaperworkModule,
        LeadDeskModule,
        NotificationsModule,
        UsersAdminModule,
        SettingsAdminModule,
        CliniciansModule,
        ConsultationsModule,
        StatsModule,
        LeadPrivacyModule,
        ResealOnStartModule,
        RateLimitModule,
        CaptchaModule,
        BackupModule,
        LiveModule,

        PracticeModule,

        IntakeDraftsModule,
      ],
      controllers: [ProblemsController],
      providers: [ConnectionDrain],
    };
  }
}
