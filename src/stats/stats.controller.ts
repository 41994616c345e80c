import { Controller, Get, Query, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { actorOf } from '../audit/audit.service.js';
import { Staff } from '../auth/staff.decorator.js';
import { StatsQueryDto } from './dto/stats-query.dto.js';
import { StatsView } from './dto/stats.view.js';
import { StatsService } from './stats.service.js';
import { BREAKDOWN_DEFINITIONS, DEFINITIONS } from './stats-definitions.js';
import { BreakdownQueryDto } from './dto/breakdown-query.dto.js';
import { BreakdownView } from './dto/breakdown.view.js';

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

  @Get('breakdown')
  @ApiOperation({
    summary: 'Who gets answered how fast: leads grouped by source, service type, … (audited)',
    description:
      `Every group counts ${BREAKDOWN_DEFINITIONS.leadSet} (default range: the last 30 days; ` +
      'at most 366). `language` answers every lead as `en` until leads carry a language.',
  })
  @ApiOkResponse({ type: BreakdownView })
  breakdown(
    @Query() query: BreakdownQueryDto,
    @Req() request: FastifyRequest,
  ): Promise<BreakdownView> {
    return this.stats.breakdown(query, actorOf(request));
  }
}
