import { Body, Controller, Get, Patch, Put, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { actorOf } from '../audit/audit.service.js';
import { Staff } from '../auth/staff.decorator.js';
import { ProblemResponses } from '../common/openapi.js';
import { SettingsView, UpdateSettingsDto } from './dto/settings.dto.js';
import { SettingsService } from './settings.service.js';

/**
 * GET/PATCH /v1/admin/settings: the practice's identity, referral resources, booking,
 * response-time targets, spam minimum time, CORS shown read-only; PUT …/logo.
 */
@ApiTags('admin')
@Controller('v1/admin/settings')
@Staff('admin')
export class SettingsController {
  constructor(private readonly settings: SettingsService) {}

  @Get()
  @ApiOperation({ summary: 'The settings in force (stored, else the environment’s defaults)' })
  @ApiOkResponse({ type: SettingsView })
  view(): Promise<SettingsView> {
    return this.settings.view();
  }

  @Patch()
  @ApiOperation({
    summary: 'Change settings',
    description:
      'Only the values sent change; `null` returns a value to its default. A changed ' +
      'response-time target recomputes `respondBy` of every open lead not yet tried (and its ' +
      'reminder and escalation) in the same transaction. `corsOrigins` is read-only (422).',
  })
  @ApiOkResponse({ type: SettingsView })
  update(@Body() body: UpdateSettingsDto, @Req() request: FastifyRequest): Promise<SettingsView> {
    return this.settings.update(body, actorOf(request));
  }

  @Put('logo')
  @ApiOperation({
    summary: 'Replace the practice’s logo',
    description:
      'The body is the image itself: `Content-Type: image/png` or `image/jpeg`, at most ' +
      '256 KiB. The bytes must be what the type says (checked by their signature). Served ' +
      'at GET /v1/practice/logo.',
  })
  @ApiConsumes('image/png', 'image/jpeg')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiOkResponse({ type: SettingsView })
  @ProblemResponses(
    [413, 'The logo is over 256 KiB.'],
    [415, 'Not a PNG or JPEG image, or bytes that are not what `Content-Type` says.'],
  )
  replaceLogo(@Req() request: FastifyRequest): Promise<SettingsView> {
    return this.settings.replaceLogo(
      request.body,
      request.headers['content-type'],
      actorOf(request),
    );
  }
}
