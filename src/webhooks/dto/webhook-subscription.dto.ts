import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { NewestFirstPageQuery } from '../../common/query-params.js';
import {
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from '../webhook-event.js';
import type { WebhookDeliveryStatus } from '../webhook-delivery.entity.js';

// The topmost failing decorator's message is the one shown (validation.pipe.ts), so each
// field lists its type check first. PATCH fields use ValidateIf instead of IsOptional:
// a field may be left out, but `null` is refused like any other wrong type.
const present = (_: object, value: unknown) => value !== undefined;

const EVENTS_MESSAGE = `must each be one of ${WEBHOOK_EVENT_TYPES.join(', ')}`;
const SECRET_PATTERN = /^[\x21-\x7e]+$/;

const URL_DESCRIPTION =
  'An http(s) URL without credentials. Loopback, private, link-local, shared (CGNAT), ' +
  'multicast and internal host names are refused unless WEBHOOK_ALLOW_PRIVATE_URLS is ' +
  'set; https only in production. Checked again, host name resolved, at every delivery.';

export class CreateWebhookDto {
  @ApiProperty({
    example: 'https://hooks.practice.example/relational-intake',
    maxLength: 2000,
    description: URL_DESCRIPTION,
  })
  @IsDefined({ message: 'is required' })
  @IsString({ message: 'must be a string' })
  @MaxLength(2000, { message: 'must be at most 2000 characters' })
  url!: string;

  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES, isArray: true, example: ['lead.created'] })
  @IsDefined({ message: 'is required' })
  @IsArray({ message: 'must be an array' })
  @ArrayNotEmpty({ message: 'must name at least one event' })
  @ArrayUnique({ message: 'must not name an event twice' })
  @IsIn(WEBHOOK_EVENT_TYPES, { each: true, message: EVENTS_MESSAGE })
  events!: WebhookEventType[];

  @ApiPropertyOptional({
    minLength: 32,
    maxLength: 200,
    description:
      'The HMAC key receivers verify signatures with: 32 to 200 visible ASCII characters. ' +
      'Generated when left out; either way shown once, in the answer to this request.',
  })
  @ValidateIf(present)
  @IsString({ message: 'must be a string' })
  @Length(32, 200, { message: 'must be 32 to 200 characters' })
  @Matches(SECRET_PATTERN, { message: 'must be visible ASCII characters, without spaces' })
  secret?: string;
}

export class UpdateWebhookDto {
  @ApiPropertyOptional({ maxLength: 2000, description: URL_DESCRIPTION })
  @ValidateIf(present)
  @IsString({ message: 'must be a string' })
  @MaxLength(2000, { message: 'must be at most 2000 characters' })
  url?: string;

  @ApiPropertyOptional({ enum: WEBHOOK_EVENT_TYPES, isArray: true })
  @ValidateIf(present)
  @IsArray({ message: 'must be an array' })
  @ArrayNotEmpty({ message: 'must name at least one event' })
  @ArrayUnique({ message: 'must not name an event twice' })
  @IsIn(WEBHOOK_EVENT_TYPES, { each: true, message: EVENTS_MESSAGE })
  events?: WebhookEventType[];

  @ApiPropertyOptional({ description: 'false pauses deliveries; pending ones then fail.' })
  @ValidateIf(present)
  @IsBoolean({ message: 'must be true or false' })
  active?: boolean;

  @ApiPropertyOptional({
    minLength: 32,
    maxLength: 200,
    description: 'A new HMAC key (rotation); not shown back.',
  })
  @ValidateIf(present)
  @IsString({ message: 'must be a string' })
  @Length(32, 200, { message: 'must be 32 to 200 characters' })
  @Matches(SECRET_PATTERN, { message: 'must be visible ASCII characters, without spaces' })
  secret?: string;
}

const DELIVERY_STATUSES: readonly WebhookDeliveryStatus[] = ['pending', 'delivered', 'failed'];
export class WebhookDeliveriesQueryDto extends NewestFirstPageQuery {
  @ApiPropertyOptional({ enum: DELIVERY_STATUSES })
  @IsOptional()
  @IsIn(DELIVERY_STATUSES, { message: `must be one of ${DELIVERY_STATUSES.join(', ')}` })
  status?: WebhookDeliveryStatus;
}
