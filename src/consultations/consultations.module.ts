import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { AvailabilityController } from './availability.controller.js';
import { AvailabilityService } from './availability.service.js';
import { ClinicianAvailabilityRepository } from './clinician-availability.repository.js';

/** Consultations: clinicians' hours, booking by staff and by clients, calendar email. */
@Module({
  imports: [AuditModule],
  controllers: [AvailabilityController],
  providers: [AvailabilityService, ClinicianAvailabilityRepository],
})
export class ConsultationsModule {}
