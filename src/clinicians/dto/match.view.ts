import { ApiProperty } from '@nestjs/swagger';

/** One clinician's fit for a lead: a suggestion with its reasons, never an assignment. */
export class MatchView {
  @ApiProperty({ format: 'uuid' }) clinicianId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({
    description:
      'Passes every hard constraint: licensed in the client’s state (when known), accepting ' +
      'new clients, offers the service type.',
  })
  eligible!: boolean;
  @ApiProperty({
    minimum: 0,
    maximum: 100,
    description:
      'Soft fit, 0..100: modality fit and spare weekly capacity, weighted by urgency; 0 when not eligible.',
  })
  score!: number;
  @ApiProperty({
    type: [String],
    example: [
      'Trained in EFT, suited to a pursue–withdraw cycle',
      '1 open lead of a weekly capacity of 4',
      'Routine urgency: spare capacity counts for 40 of 100 points, modality for 60',
    ],
    description: 'Why, in plain words: the failed constraints, or each part of the score.',
  })
  reasons!: string[];
}

export class MatchListView {
  @ApiProperty({
    type: [MatchView],
    description: 'Every active clinician: eligible first, then by score.',
  })
  items!: MatchView[];
}
