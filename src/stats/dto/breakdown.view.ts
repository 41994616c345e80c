import { ApiProperty } from '@nestjs/swagger';
import {
  BREAKDOWN_DEFINITIONS,
  BREAKDOWN_DIMENSIONS,
  type BreakdownDimension,
} from '../stats-definitions.js';

export class BreakdownGroupView {
  @ApiProperty({
    description:
      'The value grouped on: a source, a service type, a language, a contact preference or a state (`unknown` when none)',
  })
  key!: string;
  @ApiProperty({ description: `How many ${BREAKDOWN_DEFINITIONS.leadSet}.` })
  leads!: number;
  @ApiProperty({ description: BREAKDOWN_DEFINITIONS.contacted }) contacted!: number;
  @ApiProperty({ description: BREAKDOWN_DEFINITIONS.contactedWithinTarget })
  contactedWithinTarget!: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: BREAKDOWN_DEFINITIONS.medianMinutesToFirstContact,
  })
  medianMinutesToFirstContact!: number | null;
  @ApiProperty({ description: BREAKDOWN_DEFINITIONS.consultationsBooked })
  consultationsBooked!: number;
  @ApiProperty({ description: BREAKDOWN_DEFINITIONS.converted }) converted!: number;
}

/** GET /v1/admin/stats/breakdown. */
export class BreakdownView {
  @ApiProperty({ enum: BREAKDOWN_DIMENSIONS }) by!: BreakdownDimension;
  @ApiProperty({ format: 'date-time', description: 'Start of the range (inclusive).' })
  from!: string;
  @ApiProperty({ format: 'date-time', description: 'End of the range (exclusive).' })
  to!: string;
  @ApiProperty({ type: [BreakdownGroupView], description: 'Most leads first, then by key.' })
  groups!: BreakdownGroupView[];
}
