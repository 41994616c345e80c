import { Module } from '@nestjs/common';
import { SubmissionsModule } from '../submissions/submissions.module.js';
import { InquiriesController } from './inquiries.controller.js';
import { InquiriesService } from './inquiries.service.js';
import { InquiryRepository } from './inquiry.repository.js';

@Module({
  imports: [SubmissionsModule],
  controllers: [InquiriesController],
  providers: [InquiriesService, InquiryRepository],
})
export class InquiriesModule {}
