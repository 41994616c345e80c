import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsString, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { NormalizedText, SingleLine } from '../../common/text.js';
import { CONSENT_SLUG } from '../consent-languages.js';

/** One signature as a form sends it: "I agree" and the typed name. */
export class SignatureDto {
  @ApiProperty({ example: 'informed-consent' })
  @Matches(CONSENT_SLUG, { message: 'must be the slug of a consent document' })
  @Length(1, 60, { message: 'must be 1 to 60 characters' })
  @IsString({ message: 'must be a string' })
  slug!: string;

  @ApiProperty({ example: 1 })
  @Max(1_000_000, { message: 'must be at most 1000000' })
  @Min(1, { message: 'must be 1 or more' })
  @IsInt({ message: 'must be a whole number' })
  version!: number;

  // Empty is checked with the rest of the signature, so the problem names `signatures.<slug>`.
  @ApiProperty({ maxLength: 200, example: 'Alex Rivera', description: 'The signer’s own name' })
  @SingleLine()
  @MaxLength(200, { message: 'must be at most 200 characters' })
  @IsString({ message: 'must be a string' })
  @NormalizedText()
  signedName!: string;

  @ApiProperty({ example: true, description: 'Must be true' })
  @IsBoolean({ message: 'must be true or false' })
  agreed!: boolean;
}
