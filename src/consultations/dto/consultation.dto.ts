import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsDefined, IsOptional, IsUUID } from 'class-validator';
import { STAFF_REASONS, type StaffReason } from '../booking-eligibility.js';
import { BOOKED_VIA, type BookedVia } from '../consultation.entity.js';

export class ConsultationQueryDto {
  @ApiPropertyOptional({
    format: 'date-time',
    description: 'Consultations ending after this; default now.',
  })
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'must be an ISO 8601 date-time' })
  from?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'Consultations starting before this; default 7 days after `from`, at most 62.',
  })
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'must be an ISO 8601 date-time' })
  to?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only this clinician’s' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  clinicianId?: string;
}

export class BookConsultationDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be a UUID' })
  @IsDefined({ message: 'is required' })
  clinicianId!: string;

  @ApiProperty({
    format: 'date-time',
    example: '2026-12-08T17:00:00Z',
    description: 'Start; the end follows from the clinician’s slot length.',
  })
  @IsDateString({ strict: true }, { message: 'must be an ISO 8601 date-time' })
  @IsDefined({ message: 'is required' })
  startsAt!: string;
}

export class ClinicianRefView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class ConsultationView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) leadId!: string;
  @ApiProperty({ type: ClinicianRefView }) clinician!: ClinicianRefView;
  @ApiProperty({ format: 'date-time' }) startsAt!: string;
  @ApiProperty({ format: 'date-time' }) endsAt!: string;
  @ApiProperty({ enum: BOOKED_VIA, description: 'Booked by the client online, or by staff' })
  bookedVia!: BookedVia;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  cancelledAt!: string | null;
}

export class ConsultationListView {
  @ApiProperty({ type: [ConsultationView], description: 'Live consultations, soonest first' })
  items!: ConsultationView[];
}

export class BookingLinkStateView {
  @ApiProperty({ format: 'date-time', description: 'Books until then' }) expiresAt!: string;
  @ApiProperty({ description: 'It manages a booked consultation now' }) booked!: boolean;
}

export class LeadBookingView {
  @ApiProperty({ description: 'Whether the client may book online now' })
  onlineBookable!: boolean;
  @ApiProperty({
    enum: STAFF_REASONS,
    nullable: true,
    description:
      'Why not, as staff see it (the client’s page only ever says `waiting_for_partner` or ' +
      '`practice_will_contact`).',
  })
  reason!: StaffReason | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'Screen each partner individually before booking a joint consultation.',
  })
  advice!: string | null;
  @ApiProperty({ type: BookingLinkStateView, nullable: true })
  link!: BookingLinkStateView | null;
  @ApiProperty({ type: [ConsultationView], description: 'Every consultation, newest first' })
  consultations!: ConsultationView[];
}
