import { Body, Controller, Get, Headers, HttpCode, Ip, Param, Post, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { actorOf } from '../audit/audit.service.js';
import type { StaffContext } from '../auth/staff-context.js';
import { CurrentStaff, Staff } from '../auth/staff.decorator.js';
import { ProblemResponses } from '../common/openapi.js';
import { RateLimited } from '../rate-limit/rate-limited.decorator.js';
import {
  PaperworkReceiptView,
  PaperworkRequestView,
  PaperworkView,
  RequestPaperworkDto,
  SignPaperworkDto,
} from './dto/paperwork.dto.js';
import { PaperworkService } from './paperwork.service.js';

/** POST /v1/admin/leads/:id/paperwork-requests: email a link to sign what is missing. */
@ApiTags('admin')
@Controller('v1/admin/leads')
@Staff()
export class PaperworkRequestsController {
  constructor(private readonly paperwork: PaperworkService) {}

  @Post(':id/paperwork-requests')
  @ApiOperation({
    summary: 'Email the client (or partner) a one-time link to sign what is still missing',
    description:
      'The link (`/paperwork?token=…`) works once, for 14 days. The email follows the rules for ' +
      'mail to a visitor’s address: at most 3 a day to one address, held while the lead awaits review.',
  })
  @ApiCreatedResponse({ type: PaperworkRequestView })
  @ProblemResponses(
    [404, 'Unknown lead, or one a clinician may not see.'],
    [409, 'Everything required is signed already, or the lead was erased or merged.'],
  )
  request(
    @Param('id') id: string,
    @Body() body: RequestPaperworkDto,
    @CurrentStaff() staff: StaffContext,
    @Req() request: FastifyRequest,
  ): Promise<PaperworkRequestView> {
    return this.paperwork.request(staff, actorOf(request), id, body);
  }
}

/** The public side of a paperwork link. */
@ApiTags('public')
@Controller('v1/paperwork')
export class PaperworkController {
  constructor(private readonly paperwork: PaperworkService) {}

  @Get(':token')
  @RateLimited('read')
  @ApiOperation({ summary: 'What a paperwork link asks to be signed' })
  @ApiOkResponse({ type: PaperworkView })
  @ProblemResponses([404, 'No link has this token.'], [410, 'The link expired or was used.'])
  show(@Param('token') token: string): Promise<PaperworkView> {
    return this.paperwork.show(token);
  }

  @Post(':token')
  @HttpCode(201)
  @RateLimited('submission')
  @ApiOperation({ summary: 'Sign what the link asks for; the link works once' })
  @ApiCreatedResponse({ type: PaperworkReceiptView })
  @ProblemResponses([404, 'No link has this token.'], [410, 'The link expired or was used.'])
  sign(
    @Param('token') token: string,
    @Body() body: SignPaperworkDto,
    @Ip() ip: string,
    @Headers('user-agent') userAgent: string | undefined,
  ): Promise<PaperworkReceiptView> {
    return this.paperwork.sign(token, body, { ip, userAgent });
  }
}
