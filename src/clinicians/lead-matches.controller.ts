import { Controller, Get, Param, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ProblemResponses } from '../common/openapi.js';
import type { FastifyRequest } from 'fastify';
import { actorOf } from '../audit/audit.service.js';
import type { StaffContext } from '../auth/staff-context.js';
import { CurrentStaff, Staff } from '../auth/staff.decorator.js';
import { MatchListView } from './dto/match.view.js';
import { LeadMatches } from './lead-matches.service.js';

/** GET /v1/admin/leads/:id/matches. The other lead routes live in src/leads. */
@ApiTags('admin')
@Controller('v1/admin/leads')
@Staff()
export class LeadMatchesController {
  constructor(private readonly matches: LeadMatches) {}

  @Get(':id/matches')
  @ApiOperation({ summary: 'Clinicians ranked for a lead, each with score and reasons' })
  @ApiOkResponse({ type: MatchListView })
  @ProblemResponses([404, 'Unknown lead, or one a clinician may not see.'])
  list(
    @Param('id') id: string,
    @CurrentStaff() staff: StaffContext,
    @Req() request: FastifyRequest,
  ): Promise<MatchListView> {
    return this.matches.forLead(staff, id, actorOf(request));
  }
}
