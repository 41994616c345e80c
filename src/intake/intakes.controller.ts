import { Body, Controller, Get, Headers, HttpCode, Ip, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IdempotencyKey } from '../common/idempotency/idempotency-key.decorator.js';
import { IdempotencyKeyHeader, ProblemResponses } from '../common/openapi.js';
import { RequestLanguage } from '../common/request-language.js';
import { FormLanguageQueryDto } from './dto/form-language.query.js';
import type { Language } from '../vocabulary/languages.js';
import { RateLimited } from '../rate-limit/rate-limited.decorator.js';
import { CreateIntakeDto, RespondentSubmissionDto } from './dto/create-intake.dto.js';
import {
  IntakeReceiptDto,
  PartnerInvitationViewDto,
  PartnerResponseReceiptDto,
} from './dto/intake-receipt.dto.js';
import { type IntakeReceipt, IntakesService } from './intakes.service.js';
import {
  type PartnerInvitationView,
  type PartnerResponseReceipt,
  PartnerResponsesService,
} from './partner-responses.service.js';

@ApiTags('public')
@Controller('v1')
export class IntakesController {
  constructor(
    private readonly intakes: IntakesService,
    private readonly partners: PartnerResponsesService,
  ) {}

  @Post('intakes')
  @HttpCode(201)
  @RateLimited('submission')
  @ApiOperation({ summary: 'A full intake; for couples, also invites the partner' })
  @IdempotencyKeyHeader()
  @ApiCreatedResponse({ type: IntakeReceiptDto })
  @ProblemResponses([404, 'No published form has this slug and version.'])
  create(
    @Body() body: CreateIntakeDto,
    @IdempotencyKey() idempotencyKey: string | undefined,
    @Ip() ip: string,
    @Headers('user-agent') userAgent: string | undefined,
    @RequestLanguage() language: Language,
  ): Promise<IntakeReceipt> {
    return this.intakes.receive(body, idempotencyKey, { ip, userAgent, language });
  }

  @Get('partner-invitations/:token')
  @RateLimited('read')
  @ApiOperation({ summary: "What the invited partner sees: the form and the inviter's first name" })
  @ApiOkResponse({ type: PartnerInvitationViewDto })
  @ProblemResponses([404, 'No invitation has this token.'], [410, 'The link expired or was used.'])
  show(
    @Param('token') token: string,
    @Query() query: FormLanguageQueryDto,
  ): Promise<PartnerInvitationView> {
    return this.partners.show(token, query.lang);
  }

  @Post('partner-invitations/:token/responses')
  @HttpCode(201)
  @RateLimited('submission')
  @ApiOperation({ summary: "The invited partner's own answers; the link works once" })
  @IdempotencyKeyHeader('A retry with the same key and body gets the same receipt, not a 410.')
  @ApiCreatedResponse({ type: PartnerResponseReceiptDto })
  @ProblemResponses([404, 'No invitation has this token.'], [410, 'The link expired or was used.'])
  respond(
    @Param('token') token: string,
    @Body() body: RespondentSubmissionDto,
    @IdempotencyKey() idempotencyKey: string | undefined,
    @Ip() ip: string,
    @Headers('user-agent') userAgent: string | undefined,
    @RequestLanguage() language: Language,
  ): Promise<PartnerResponseReceipt> {
    return this.partners.respond(token, body, idempotencyKey, { ip, userAgent, language });
  }
}
