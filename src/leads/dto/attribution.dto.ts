import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, IsOptional, ValidateNested } from 'class-validator';
import { ATTRIBUTION_MAX_LENGTH, type Attribution } from '../../vocabulary/attribution.js';
import { OneLineField } from './contact-fields.js';

const field = (description: string, example: string) =>
  applyDecorators(
    ApiPropertyOptional({ maxLength: ATTRIBUTION_MAX_LENGTH, description, example }),
    IsOptional(),
    OneLineField(ATTRIBUTION_MAX_LENGTH),
  );

/** Where a visitor came from (docs/api.md#where-a-lead-came-from); every field optional. */
export class AttributionDto implements Attribution {
  @field('utm_source of the landing page', 'newsletter')
  utmSource?: string;

  @field('utm_medium of the landing page', 'email')
  utmMedium?: string;

  @field('utm_campaign of the landing page', 'spring')
  utmCampaign?: string;

  @field('utm_term of the landing page', 'couples therapy')
  utmTerm?: string;

  @field('utm_content of the landing page', 'banner')
  utmContent?: string;

  @field('The page that sent the visitor (document.referrer)', 'https://www.example.org/')
  referrer?: string;

  @field('The first page of the visit, as a URL', 'https://practice.example/reach-out')
  landingPage?: string;
}

/** The optional `attribution` of a public submission. */
export const AttributionField = () =>
  applyDecorators(
    ApiPropertyOptional({
      type: AttributionDto,
      description:
        'Where the visitor came from, first touch of the browser session; kept only by the submission that starts a lead',
    }),
    IsOptional(),
    IsObject({ message: 'must be an object' }),
    ValidateNested(),
    Type(() => AttributionDto),
  );
