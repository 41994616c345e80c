import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';

// Query strings arrive as text: these turn the forms a filter accepts into numbers and
// booleans and leave anything else as it came, for the validators to name.

/** `"25"` → 25; anything but plain digits stays as sent. */
export const queryInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;

/** `"true"` / `"false"` → the boolean; anything else stays as sent. */
export const queryBoolean = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;

/** `limit` (1..100, 25 by default) and `cursor` of a log read newest first. */
export class NewestFirstPageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 25 })
  @IsOptional()
  @Transform(queryInt)
  @IsInt({ message: 'must be an integer' })
  @Min(1, { message: 'must be at least 1' })
  @Max(100, { message: 'must be at most 100' })
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page.' })
  @IsOptional()
  @IsString({ message: 'must be a string' })
  cursor?: string;
}
