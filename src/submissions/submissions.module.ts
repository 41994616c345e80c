import { Module } from '@nestjs/common';
import { CaptchaModule } from '../captcha/captcha.module.js';
import { IdempotencyService } from '../common/idempotency/idempotency.service.js';
import { LeadEventRepository } from '../leads/lead-event.repository.js';
import { LeadRepository } from '../leads/lead.repository.js';
import { MetricsModule } from '../metrics/metrics.module.js';
import { RateLimitModule } from '../rate-limit/rate-limit.module.js';
import { SettingsModule } from '../settings/settings.module.js';
import { SubmissionJobs } from './submission-jobs.js';
import { SubmissionPipeline } from './submission-pipeline.js';

/** The public submission path every form plugs into (SubmissionPipeline). */
@Module({
  imports: [CaptchaModule, SettingsModule, MetricsModule, RateLimitModule],
  providers: [
    SubmissionPipeline,
    SubmissionJobs,
    LeadRepository,
    LeadEventRepository,
    IdempotencyService,
  ],
  // A form plugging in is a public route: it is rate-limited and asks the CAPTCHA.
  exports: [SubmissionPipeline, LeadRepository, CaptchaModule, RateLimitModule],
})
export class SubmissionsModule {}
