import { Module } from '@nestjs/common';
import { CaptchaModule } from '../captcha/captcha.module.js';
import { IdempotencyService } from '../common/idempotency/idempotency.service.js';
import { LeadsModule } from '../leads/leads.module.js';
import { InquiriesController } from './inquiries.controller.js';
import { InquiriesService } from './inquiries.service.js';

@Module({
  imports: [LeadsModule, CaptchaModule],
  controllers: [InquiriesController],
  providers: [InquiriesService, IdempotencyService],
})
export class InquiriesModule {}
