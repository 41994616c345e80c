import { Module } from '@nestjs/common';
import { WebhooksModule } from '../webhooks/webhooks.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { RateLimitModule } from '../rate-limit/rate-limit.module.js';
import { SettingsModule } from '../settings/settings.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { IdempotencyRecordRepository } from '../common/idempotency/idempotency-record.repository.js';
import { InquiryRepository } from '../inquiries/inquiry.repository.js';
import { IntakeRepository } from '../intake/intake.repository.js';
import { PartnerResponseRepository } from '../intake/partner-response.repository.js';
import { LeadsModule } from '../leads/leads.module.js';
import { ConsentsModule } from '../consents/consents.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { LeadErasures } from './lead-erasures.service.js';
import { LeadMerges } from './lead-merges.service.js';
import { LeadPrivacyController } from './lead-privacy.controller.js';
import { RetentionSchedule } from './retention-schedule.js';
import { Retention } from './retention.service.js';

import { ConsultationsModule } from '../consultations/consultations.module.js';

/** Merge, erasure and retention of leads. */
@Module({
  imports: [
    LeadsModule,
    AuditModule,
    SettingsModule,
    RateLimitModule,
    AuthModule,
    WebhooksModule,
    NotificationsModule,
    ConsentsModule,
    ConsultationsModule,
  ],
  controllers: [LeadPrivacyController],
  providers: [
    LeadMerges,
    LeadErasures,
    Retention,
    RetentionSchedule,
    IdempotencyRecordRepository,
    InquiryRepository,
    IntakeRepository,
    PartnerResponseRepository,
  ],
  exports: [Retention],
})
export class LeadPrivacyModule {}
