import { ApiProperty } from '@nestjs/swagger';
import { SERVICE_TYPES, type ServiceType } from '../../vocabulary/contact.js';
import { LEAD_STATUSES, type LeadStatus } from '../../vocabulary/lead-status.js';
import { URGENCIES, type Urgency } from '../../vocabulary/urgency.js';
import { DEFINITIONS } from '../stats-definitions.js';

/** An object with an integer for every key (the OpenAPI schema of a closed set of counts). */
const countsOf = (keys: readonly string[]) => ({
  type: 'object' as const,
  properties: Object.fromEntries(keys.map((key) => [key, { type: 'integer' as const }])),
  required: [...keys],
  additionalProperties: false,
  // An array `required` above would otherwise make the property itself optional.
  selfRequired: true,
});

export class SourceCount {
  @ApiProperty({
    description:
      'The lead\'s source (as `source` of the lead list and the breakdown by source); "unknown" for erased leads.',
  })
  source!: string;
  @ApiProperty() count!: number;
}

/** GET /v1/admin/stats. */
export class StatsView {
  @ApiProperty({ format: 'date-time', description: 'Start of the range (inclusive).' })
  from!: string;
  @ApiProperty({ format: 'date-time', description: 'End of the range (exclusive).' })
  to!: string;
  @ApiProperty({ description: `How many ${DEFINITIONS.leadSet}.` })
  total!: number;
  @ApiProperty({ ...countsOf(LEAD_STATUSES), description: 'Every status, 0 when none.' })
  byStatus!: Record<LeadStatus, number>;
  @ApiProperty({ type: [SourceCount], description: DEFINITIONS.bySource })
  bySource!: SourceCount[];
  @ApiProperty({ ...countsOf(SERVICE_TYPES), description: 'Every service type, 0 when none.' })
  byServiceType!: Record<ServiceType, number>;
  @ApiProperty({ ...countsOf(URGENCIES), description: 'Every urgency, 0 when none.' })
  byUrgency!: Record<Urgency, number>;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: DEFINITIONS.medianTimeToFirstContactMinutes,
  })
  medianTimeToFirstContactMinutes!: number | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: DEFINITIONS.medianMinutesToFirstAttempt,
  })
  medianMinutesToFirstAttempt!: number | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: DEFINITIONS.medianMinutesToFirstConnection,
  })
  medianMinutesToFirstConnection!: number | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    minimum: 0,
    maximum: 1,
    description: DEFINITIONS.contactedWithinTargetShare,
  })
  contactedWithinTargetShare!: number | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    minimum: 0,
    maximum: 1,
    description: DEFINITIONS.conversionRate,
  })
  conversionRate!: number | null;
  @ApiProperty({ description: DEFINITIONS.overdueNow })
  overdueNow!: number;
  @ApiProperty({ description: DEFINITIONS.consultationsBooked })
  consultationsBooked!: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: DEFINITIONS.medianHoursToBookedConsultation,
  })
  medianHoursToBookedConsultation!: number | null;
}
