import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsDefined, IsUUID } from 'class-validator';
import { SERVICE_TYPES, type ServiceType } from '../../vocabulary/contact.js';
import { PUBLIC_REASONS, type PublicReason } from '../booking-eligibility.js';
import { ClinicianRefView } from './consultation.dto.js';

export class CreateBookingDto {
  @ApiProperty({ format: 'date-time', example: '2026-12-08T17:00:00Z' })
  @IsDateString({ strict: true }, { message: 'must be an ISO 8601 date-time' })
  @IsDefined({ message: 'is required' })
  startsAt!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be a UUID' })
  @IsDefined({ message: 'is required' })
  clinicianId!: string;
}

export class SlotView {
  @ApiProperty({ format: 'date-time' }) startsAt!: string;
  @ApiProperty({ format: 'date-time' }) endsAt!: string;
  @ApiProperty({ type: ClinicianRefView }) clinician!: ClinicianRefView;
}

export class BookedConsultationView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'date-time' }) startsAt!: string;
  @ApiProperty({ format: 'date-time' }) endsAt!: string;
  @ApiProperty() clinicianName!: string;
}

export class BookingView {
  @ApiProperty() bookable!: boolean;
  @ApiPropertyOptional({ enum: SERVICE_TYPES }) serviceType?: ServiceType;
  @ApiPropertyOptional({
    type: [SlotView],
    description: 'Open slots of the clinicians who may take this client, soonest first',
  })
  slots?: SlotView[];
  @ApiPropertyOptional({
    type: BookedConsultationView,
    description: 'The consultation this link booked; it can be cancelled before it starts',
  })
  consultation?: BookedConsultationView;
  @ApiPropertyOptional({
    enum: PUBLIC_REASONS,
    description:
      '`waiting_for_partner`: both partners answer first. `practice_will_contact`: nothing ' +
      'to book online (also when no time is free); the practice will be in touch.',
  })
  reason?: PublicReason;
}

export class BookingCreatedView {
  @ApiProperty({ type: BookedConsultationView }) consultation!: BookedConsultationView;
}
