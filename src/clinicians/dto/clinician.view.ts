import { ApiProperty } from '@nestjs/swagger';
import { SERVICE_TYPES, type ServiceType } from '../../vocabulary/contact.js';
import type { Clinician } from '../clinician.entity.js';

/** A clinician profile as the admin API shows it. */
export class ClinicianView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The linked staff account (role clinician), if any.',
  })
  userId!: string | null;
  @ApiProperty() name!: string;
  @ApiProperty({ format: 'email' }) email!: string;
  @ApiProperty({ type: [String], example: ['eft', 'gottman'] }) modalities!: string[];
  @ApiProperty({ enum: SERVICE_TYPES, isArray: true }) serviceTypes!: ServiceType[];
  @ApiProperty({ type: [String], example: ['OR', 'WA'] }) licensedStates!: string[];
  @ApiProperty() acceptingNewClients!: boolean;
  @ApiProperty({ minimum: 0, maximum: 100 }) weeklyCapacity!: number;
  @ApiProperty() active!: boolean;
  @ApiProperty({
    description:
      'Leads assigned to this clinician in an open status (new, in_review, contacted, ' +
      'consultation_scheduled, waitlisted), not merged into another lead.',
  })
  openLeads!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class ClinicianListView {
  @ApiProperty({ type: [ClinicianView] }) items!: ClinicianView[];
}

export function toClinicianView(clinician: Clinician, openLeads: number): ClinicianView {
  return {
    id: clinician.id,
    userId: clinician.userId,
    name: clinician.name,
    email: clinician.email,
    modalities: [...clinician.modalities],
    serviceTypes: [...clinician.serviceTypes],
    licensedStates: [...clinician.licensedStates],
    acceptingNewClients: clinician.acceptingNewClients,
    weeklyCapacity: clinician.weeklyCapacity,
    active: clinician.active,
    openLeads,
    createdAt: clinician.createdAt.toISOString(),
    updatedAt: clinician.updatedAt.toISOString(),
  };
}
