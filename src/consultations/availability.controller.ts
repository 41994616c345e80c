import { Body, Controller, Get, Param, Put, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { actorOf } from '../audit/audit.service.js';
import type { StaffContext } from '../auth/staff-context.js';
import { CurrentStaff, Staff } from '../auth/staff.decorator.js';
import { ProblemResponses } from '../common/openapi.js';
import { AvailabilityService } from './availability.service.js';
import { AvailabilityDto, AvailabilityView } from './dto/availability.dto.js';

/** /v1/admin/clinicians/:id/availability: a clinician's consultation hours. */
@ApiTags('admin')
@Controller('v1/admin/clinicians')
@Staff()
export class AvailabilityController {
  constructor(private readonly availability: AvailabilityService) {}

  @Get(':id/availability')
  @ApiOperation({
    summary: 'A clinician’s consultation hours',
    description:
      'Admins and coordinators read anyone’s; a clinician only their own. Until hours are ' +
      'set: the defaults, with no weekly windows (no slots offered).',
  })
  @ApiOkResponse({ type: AvailabilityView })
  @ProblemResponses([403, 'A clinician asked for another clinician’s hours.'], 404)
  get(@Param('id') id: string, @CurrentStaff() staff: StaffContext): Promise<AvailabilityView> {
    return this.availability.get(staff, id);
  }

  @Put(':id/availability')
  @ApiOperation({
    summary: 'Set a clinician’s consultation hours',
    description:
      'Replaces the weekly windows, date exceptions, slot length, buffer, notice and horizon. ' +
      'Times are wall-clock times in `timeZone`: a 09:00 window stays 09:00 across a ' +
      'daylight-saving change. Admins and coordinators set anyone’s; a clinician only their own.',
  })
  @ApiOkResponse({ type: AvailabilityView })
  @ProblemResponses([403, 'A clinician set another clinician’s hours.'], 404)
  put(
    @Param('id') id: string,
    @Body() body: AvailabilityDto,
    @CurrentStaff() staff: StaffContext,
    @Req() request: FastifyRequest,
  ): Promise<AvailabilityView> {
    return this.availability.put(staff, id, body, actorOf(request));
  }
}
