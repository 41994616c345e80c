import { Body, Controller, Delete, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ProblemResponses } from '../common/openapi.js';
import { actorOf } from '../audit/audit.service.js';
import type { StaffContext } from '../auth/staff-context.js';
import { CurrentStaff, Staff } from '../auth/staff.decorator.js';
import { EraseLeadDto, ErasureResultDto } from './dto/erase-lead.dto.js';
import { MergeLeadDto, MergeResultDto } from './dto/merge-lead.dto.js';
import { LeadErasures, type ErasureOutcome } from './lead-erasures.service.js';
import { LeadMerges, type MergeOutcome } from './lead-merges.service.js';
import { RequiresFreshCredentials } from '../auth/fresh-credentials.js';

export function toMergeResult(outcome: MergeOutcome): MergeResultDto {
  const { survivor } = outcome;
  return {
    dryRun: outcome.dryRun,
    leadId: outcome.leadId,
    mergedLeadId: outcome.mergedLeadId,
    moved: { ...outcome.moved },
    changed: [...outcome.changed],
    survivor: {
      id: survivor.id,
      status: survivor.status,
      statusChangedAt: survivor.statusChangedAt.toISOString(),
      urgency: survivor.urgency,
      respondBy: survivor.respondBy?.toISOString() ?? null,
      firstContactedAt: survivor.firstContactedAt?.toISOString() ?? null,
      assignedClinicianId: survivor.assignedClinicianId,
      tags: [...survivor.tags],
      lastSubmissionAt: survivor.lastSubmissionAt.toISOString(),
      needsReview: survivor.needsReview,
      reviewReason: survivor.reviewReason,
      phone: survivor.phone,
      state: survivor.state,
      source: survivor.source,
    },
  };
}

export function toErasureResult(outcome: ErasureOutcome): ErasureResultDto {
  return {
    leadId: outcome.leadId,
    erasedAt: outcome.erasedAt.toISOString(),
    mergedLeadIds: [...outcome.mergedLeadIds],
    erased: { ...outcome.erased },
  };
}

/** Merge and erasure of leads (docs/api.md#leads). */
@ApiTags('admin')
@Controller('v1/admin/leads')
export class LeadPrivacyController {
  constructor(
    private readonly merges: LeadMerges,
    private readonly erasures: LeadErasures,
  ) {}

  @Post(':id/merge')
  @HttpCode(200)
  @Staff('admin', 'coordinator')
  @ApiOperation({
    summary: 'Fold this lead (a duplicate) into another',
    description:
      'Every inquiry, intake, note, event and notification moves to `intoLeadId`, which ' +
      'takes the status further in the pipeline, the higher urgency, the earliest first ' +
      'contact, all tags, the latest submission, a pending review and any assignment it ' +
      'lacks. This lead stays as a pointer (`mergedIntoLeadId`). With `dryRun: true` the ' +
      'same answer, nothing merged. 404 for a lead you may not see, 422 for the same ' +
      'lead, 409 when either was merged or erased already.',
  })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The duplicate, folded into the other.' })
  @ApiOkResponse({ type: MergeResultDto })
  @ProblemResponses(
    [404, 'Either lead is unknown, or one you may not see.'],
    [409, 'Either lead was merged or erased already.'],
    [422, 'The same lead, or a field is invalid.'],
  )
  async merge(
    @Param('id') id: string,
    @Body() body: MergeLeadDto,
    @CurrentStaff() staff: StaffContext,
    @Req() request: FastifyRequest,
  ): Promise<MergeResultDto> {
    return toMergeResult(
      await this.merges.merge(staff, actorOf(request), id, body.intoLeadId, {
        dryRun: body.dryRun === true,
      }),
    );
  }

  @Delete(':id')
  @HttpCode(200)
  @Staff('admin')
  @RequiresFreshCredentials()
  @ApiOperation({
    summary: 'Erase the personal data of a lead',
    description:
      'Empties names, contact details, messages, answers, scores, dates of birth, partner ' +
      'details and note bodies of the lead and of every lead merged into it; cancels its ' +
      'pending emails. The lead stays as a tombstone (ids, references, statuses, times) ' +
      'and the audit trail is kept. 409 when already erased, or when the lead was merged ' +
      'into another (erase that one).',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: ErasureResultDto })
  @ProblemResponses(
    [404, 'Unknown lead.'],
    [409, 'Erased already, or merged into another lead (erase that one).'],
  )
  async erase(
    @Param('id') id: string,
    @Body() body: EraseLeadDto,
    @CurrentStaff() staff: StaffContext,
    @Req() request: FastifyRequest,
  ): Promise<ErasureResultDto> {
    return toErasureResult(await this.erasures.erase(staff, actorOf(request), id, body.reason));
  }
}
