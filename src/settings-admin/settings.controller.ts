import { Body, Controller, Get, Patch, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { actorOf } from '../audit/audit.service.js';
import { Staff } from '../auth/staff.decorator.js';
import { SettingsView, UpdateSettingsDto } from './dto/settings.dto.js';
import { SettingsService } from './settings.service.js';

/** GET/PATCH /v1/admin/settings: response-time targets, spam minimum time, CORS shown read-only. */
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
}
