import { Module } from '@nestjs/common';
import { LeadsModule } from '../leads.module.js';
import { LeadErasures } from './lead-erasures.service.js';
import { LeadMerges } from './lead-merges.service.js';
import { LeadPrivacyController } from './lead-privacy.controller.js';
import { RetentionSchedule } from './retention-schedule.js';
import { Retention } from './retention.service.js';

/** Merge, erasure and retention of leads. */
@Module({
  imports: [LeadsModule],
  controllers: [LeadPrivacyController],
  providers: [LeadMerges, LeadErasures, Retention, RetentionSchedule],
  exports: [Retention],
})
export class LeadPrivacyModule {}
