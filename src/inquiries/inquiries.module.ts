import { Module } from '@nestjs/common';
import { IdempotencyService } from '../common/idempotency/idempotency.service.js';
import { LeadsModule } from '../leads/leads.module.js';
import { InquiriesController } from './inquiries.controller.js';
import { InquiriesService } from './inquiries.service.js';

@Module({
  imports: [LeadsModule],
  controllers: [InquiriesController],
  providers: [InquiriesService, IdempotencyService],
})
export class InquiriesModule {}
