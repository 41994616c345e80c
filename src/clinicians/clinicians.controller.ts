import { Body, Controller, Get, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ProblemResponses } from '../common/openapi.js';
import type { FastifyRequest } from 'fastify';
import { actorOf } from '../audit/audit.service.js';
import type { StaffContext } from '../auth/staff-context.js';
import { CurrentStaff, Staff } from '../auth/staff.decorator.js';
import { CliniciansService } from './clinicians.service.js';
import { ClinicianQueryDto } from './dto/clinician-query.dto.js';
import { CreateClinicianDto, UpdateClinicianDto } from './dto/clinician.dto.js';
import { ClinicianListView, ClinicianView } from './dto/clinician.view.js';

/** /v1/admin/clinicians: profiles for matching and assignment. */
@ApiTags('admin')
@Controller('v1/admin/clinicians')
@Staff()
export class CliniciansController {
  constructor(private readonly clinicians: CliniciansService) {}

  @Get()
  @ApiOperation({ summary: 'Clinician profiles, by name; every filter given narrows the list' })
  @ApiOkResponse({ type: ClinicianListView })
  async list(@Query() query: ClinicianQueryDto): Promise<ClinicianListView> {
    return { items: await this.clinicians.list(query) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One clinician profile' })
  @ApiOkResponse({ type: ClinicianView })
  @ProblemResponses(404)
  get(@Param('id') id: string): Promise<ClinicianView> {
    return this.clinicians.get(id);
  }

  @Post()
  @Staff('admin', 'coordinator')
  @ApiOperation({ summary: 'Add a clinician profile' })
  @ApiCreatedResponse({ type: ClinicianView })
  @ProblemResponses([403, 'A coordinator sent `userId` (linking is admin-only).'])
  create(
    @Body() body: CreateClinicianDto,
    @CurrentStaff() staff: StaffContext,
    @Req() request: FastifyRequest,
  ): Promise<ClinicianView> {
    return this.clinicians.create(body, staff, actorOf(request));
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Change a clinician profile',
    description:
      'Admins change any field; coordinators any but `userId` (403). A clinician may change only ' +
      '`acceptingNewClients`, `weeklyCapacity` and `modalities`, of their own profile (403 otherwise).',
  })
  @ApiOkResponse({ type: ClinicianView })
  @ProblemResponses(403, 404)
  update(
    @Param('id') id: string,
    @Body() body: UpdateClinicianDto,
    @CurrentStaff() staff: StaffContext,
    @Req() request: FastifyRequest,
  ): Promise<ClinicianView> {
    return this.clinicians.update(id, body, staff, actorOf(request));
  }
}
