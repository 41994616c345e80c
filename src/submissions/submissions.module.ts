import { Module } from '@nestjs/common';
import { CaptchaModule } from '../captcha/captcha.module.js';
import { MetricsModule } from '../metrics/metrics.module.js';
import { SettingsModule } from '../settings/settings.module.js';
import { IdempotencyService } from '../common/idempotency/idempotency.service.js';
import { LeadEventRepository } from '../leads/lead-event.repository.js';
import { LeadRepository } from '../leads/lead.repository.js';
import { SubmissionJobs } from './submission-jobs.js';
import { SubmissionPipeline } from './submission-pipeline.js';

/** The public submission path every form plugs into (SubmissionPipeline). */
@Module({
  imports: [CaptchaModule, SettingsModule, MetricsModule],
  providers: [
    SubmissionPipeline,
    SubmissionJobs,
    LeadRepository,
    LeadEventRepository,
    IdempotencyService,
  ],
  exports: [SubmissionPipeline, LeadRepository, CaptchaModule],
})
export class SubmissionsModule {}
