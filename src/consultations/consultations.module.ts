import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { LeadsModule } from '../leads/leads.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { RateLimitModule } from '../rate-limit/rate-limit.module.js';
import { WebhooksModule } from '../webhooks/webhooks.module.js';
import { AvailabilityController } from './availability.controller.js';
import { AvailabilityService } from './availability.service.js';
import { BookingLinkRepository } from './booking-link.repository.js';
import { BookingsController } from './bookings.controller.js';
import { BookingsService } from './bookings.service.js';
import { ClinicianAvailabilityRepository } from './clinician-availability.repository.js';
import { ConsultationBookings } from './consultation-bookings.service.js';
import { ConsultationMail } from './consultation-mail.service.js';
import { ConsultationRepository } from './consultation.repository.js';
import { ConsultationsController } from './consultations.controller.js';
import { ConsultationsService } from './consultations.service.js';

/** Consultations: clinicians' hours, booking by staff and by clients, calendar email. */
@Module({
  imports: [AuditModule, LeadsModule, NotificationsModule, WebhooksModule, RateLimitModule],
  controllers: [AvailabilityController, ConsultationsController, BookingsController],
  providers: [
    AvailabilityService,
    ConsultationsService,
    BookingsService,
    ConsultationBookings,
    ConsultationMail,
    ClinicianAvailabilityRepository,
    ConsultationRepository,
    BookingLinkRepository,
  ],
  exports: [ConsultationRepository, BookingLinkRepository],
})
export class ConsultationsModule {}
