import { Controller, Get, Query, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { actorOf } from '../audit/audit.service.js';
import { Staff } from '../auth/staff.decorator.js';
import { StatsQueryDto } from './dto/stats-query.dto.js';
import { StatsView } from './dto/stats.view.js';
import { StatsService } from './stats.service.js';
import { DEFINITIONS } from './stats-definitions.js';

/** GET /v1/admin/stats. */
@ApiTags('admin')
@Controller('v1/admin/stats')
@Staff('admin', 'coordinator')
export class StatsController {
  constructor(private readonly stats: StatsService) {}

  @Get()
  @ApiOperation({
    summary: 'Lead counts and response figures over a range of creation times',
    description:
      `Every figure counts ${DEFINITIONS.leadSet} (default: the last 30 days; at most 366). ` +
      `contactedWithinTargetShare: ${DEFINITIONS.contactedWithinTargetShare}`,
  })
  @ApiOkResponse({ type: StatsView })
  report(@Query() query: StatsQueryDto, @Req() request: FastifyRequest): Promise<StatsView> {
    return this.stats.report(query, actorOf(request));
  }
}
