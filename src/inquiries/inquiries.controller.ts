import { Body, Controller, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IdempotencyKey } from '../common/idempotency/idempotency-key.decorator.js';
import { IdempotencyKeyHeader } from '../common/openapi.js';
import { RequestLanguage } from '../common/request-language.js';
import type { Language } from '../vocabulary/languages.js';
import { RateLimited } from '../rate-limit/rate-limited.decorator.js';
import { CreateInquiryDto } from './dto/create-inquiry.dto.js';
import { SubmissionReceiptDto } from './dto/inquiry-receipt.dto.js';
import { InquiriesService } from './inquiries.service.js';

@ApiTags('public')
@Controller('v1/inquiries')
export class InquiriesController {
  constructor(private readonly inquiries: InquiriesService) {}

  @Post()
  @HttpCode(201)
  @RateLimited('submission')
  @ApiOperation({ summary: 'The "reach out" form' })
  @IdempotencyKeyHeader()
  @ApiCreatedResponse({ type: SubmissionReceiptDto })
  create(
    @Body() body: CreateInquiryDto,
    @IdempotencyKey() idempotencyKey: string | undefined,
    @Ip() ip: string,
    @RequestLanguage() language: Language,
  ): Promise<SubmissionReceiptDto> {
    return this.inquiries.receive(body, idempotencyKey, { ip, language });
  }
}
