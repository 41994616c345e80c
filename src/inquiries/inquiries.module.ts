import { Module } from '@nestjs/common';
import { SettingsModule } from '../settings/settings.module.js';
import { RateLimitModule } from '../rate-limit/rate-limit.module.js';
import { MetricsModule } from '../metrics/metrics.module.js';
import { CaptchaModule } from '../captcha/captcha.module.js';
import { IdempotencyService } from '../common/idempotency/idempotency.service.js';
import { LeadsModule } from '../leads/leads.module.js';
import { InquiriesController } from './inquiries.controller.js';
import { InquiriesService } from './inquiries.service.js';

@Module({
  imports: [LeadsModule, CaptchaModule, MetricsModule, RateLimitModule, SettingsModule],
  controllers: [InquiriesController],
  providers: [InquiriesService, IdempotencyService],
})
export class InquiriesModule {}
