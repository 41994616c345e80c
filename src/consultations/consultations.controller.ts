import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { actorOf } from '../audit/audit.service.js';
import type { StaffContext } from '../auth/staff-context.js';
import { CurrentStaff, Staff } from '../auth/staff.decorator.js';
import { ProblemResponses } from '../common/openapi.js';
import { ConsultationsService } from './consultations.service.js';
import {
  BookConsultationDto,
  ConsultationListView,
  ConsultationQueryDto,
  ConsultationView,
  LeadBookingView,
} from './dto/consultation.dto.js';

/** /v1/admin/consultations and a lead's booking: consultations as staff book and see them. */
@ApiTags('admin')
@Controller('v1/admin')
@Staff()
export class ConsultationsController {
  constructor(private readonly consultations: ConsultationsService) {}

  @Get('consultations')
  @ApiOperation({
    summary: 'Live consultations in a time range, soonest first',
    description: 'A clinician sees only their own.',
  })
  @ApiOkResponse({ type: ConsultationListView })
  list(
    @Query() query: ConsultationQueryDto,
    @CurrentStaff() staff: StaffContext,
    @Req() request: FastifyRequest,
  ): Promise<ConsultationListView> {
    return this.consultations.list(staff, query, actorOf(request));
  }

  @Delete('consultations/:id')
  @ApiOperation({
    summary: 'Cancel a consultation before it starts',
    description:
      'The client and the clinician get a cancellation (`METHOD:CANCEL`, same UID, higher ' +
      'SEQUENCE); the client’s booking link can book again.',
  })
  @ApiOkResponse({ type: ConsultationView })
  @ProblemResponses(
    [404, 'Unknown consultation, or one a clinician may not see.'],
    [409, 'Already cancelled, or already started.'],
  )
  cancel(
    @Param('id') id: string,
    @CurrentStaff() staff: StaffContext,
    @Req() request: FastifyRequest,
  ): Promise<ConsultationView> {
    return this.consultations.cancel(staff, id, actorOf(request));
  }

  @Get('leads/:id/booking')
  @ApiOperation({
    summary: 'Whether the lead may book online (and if not why), and its consultations',
  })
  @ApiOkResponse({ type: LeadBookingView })
  @ProblemResponses([404, 'Unknown lead, or one a clinician may not see.'])
  forLead(
    @Param('id') id: string,
    @CurrentStaff() staff: StaffContext,
    @Req() request: FastifyRequest,
  ): Promise<LeadBookingView> {
    return this.consultations.forLead(staff, id, actorOf(request));
  }

  @Post('leads/:id/consultations')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Book a consultation for a lead',
    description:
      'Any future time; it lasts the clinician’s slot length. Moves the lead to ' +
      '`consultation_scheduled` where its status allows, in the same transaction. A ' +
      'clinician books only with themselves, for leads assigned to them.',
  })
  @ApiCreatedResponse({ type: ConsultationView })
  @ProblemResponses(
    [403, 'A clinician booked for another clinician.'],
    [404, 'Unknown lead, or one a clinician may not see.'],
    [409, '`/problems/slot-taken`: the clinician has a consultation then; or the lead is gone.'],
  )
  book(
    @Param('id') id: string,
    @Body() body: BookConsultationDto,
    @CurrentStaff() staff: StaffContext,
    @Req() request: FastifyRequest,
  ): Promise<ConsultationView> {
    return this.consultations.book(staff, id, body, actorOf(request));
  }
}
