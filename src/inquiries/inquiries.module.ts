import { Module } from '@nestjs/common';
import { MetricsModule } from '../metrics/metrics.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { RateLimitModule } from '../rate-limit/rate-limit.module.js';
import { SubmissionsModule } from '../submissions/submissions.module.js';
import { InquiriesController } from './inquiries.controller.js';
import { InquiriesService } from './inquiries.service.js';
import { InquiryMail } from './inquiry-mail.js';
import { InquiryRepository } from './inquiry.repository.js';

@Module({
  imports: [SubmissionsModule, RateLimitModule, MetricsModule, NotificationsModule],
  controllers: [InquiriesController],
  providers: [InquiriesService, InquiryRepository, InquiryMail],
})
export class InquiriesModule {}
