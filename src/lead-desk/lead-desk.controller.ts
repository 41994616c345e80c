import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Logger,
  Param,
  Patch,
  Post,
  Query,
  Req,
  Res,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiExtraModels,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { actorOf } from '../audit/audit.service.js';
import type { StaffContext } from '../auth/staff-context.js';
import { CurrentStaff, Staff } from '../auth/staff.decorator.js';
import { ETAG_HEADER, ProblemResponses } from '../common/openapi.js';
import { loggableError } from '../common/problem-details.filter.js';
import { leadEtag } from '../leads/lead-etag.js';
import { AddNoteDto } from './dto/add-note.dto.js';
import { LeadFilterDto, LeadListQueryDto } from './dto/lead-query.dto.js';
import { UpdateLeadDto } from './dto/update-lead.dto.js';
import { type LeadRead, LeadDetailService } from './lead-detail.service.js';
import {
  ContactAttemptView,
  LeadDetailView,
  LeadTombstoneView,
  NoteView,
} from './lead-detail.view.js';
import { ContactAttempts } from './contact-attempts.service.js';
import { LogContactAttemptDto } from './dto/log-contact-attempt.dto.js';
import { LeadCountsView } from './lead-counts.view.js';
import { LeadListService } from './lead-list.service.js';
import { LeadPageView } from './lead-summary.view.js';
import { LeadTriageService } from './lead-triage.service.js';
import { RequiresFreshCredentials } from '../auth/fresh-credentials.js';

const LEAD_VIEW = {
  description:
    'The lead (`ETag` header: its version). An erased lead answers its tombstone: `erasedAt` set, no personal data.',
  headers: ETAG_HEADER,
  schema: {
    oneOf: [{ $ref: getSchemaPath(LeadDetailView) }, { $ref: getSchemaPath(LeadTombstoneView) }],
  },
};

/**
 * The lead desk: lead triage for staff (docs/api.md#leads). Clinicians see only leads assigned to
 * them; any other lead answers 404 as if it did not exist. Every answer is `no-store`
 * (it holds client data), like every admin answer (src/common/http-hygiene.ts).
 */
@ApiTags('admin')
@ApiExtraModels(LeadDetailView, LeadTombstoneView)
@Controller('v1/admin')
@Staff()
export class LeadDeskController {
  private readonly logger = new Logger(LeadDeskController.name);

  constructor(
    private readonly leadList: LeadListService,
    private readonly details: LeadDetailService,
    private readonly triage: LeadTriageService,
    private readonly contactAttempts: ContactAttempts,
  ) {}

  @Get('leads')
  @ApiOperation({ summary: 'Find leads: filters, search, sort, keyset pages (audited)' })
  @ApiOkResponse({ type: LeadPageView })
  @ProblemResponses([
    409,
    'A sealed value cannot be opened with the configured data keys (`sealed-data-unreadable`).',
  ])
  list(
    @Query() query: LeadListQueryDto,
    @CurrentStaff() staff: StaffContext,
    @Req() request: FastifyRequest,
  ): Promise<LeadPageView> {
    return this.leadList.list(staff, actorOf(request), query);
  }

  @Get('leads/counts')
  @ApiOperation({
    summary: "The coordinator's desk: how many leads are in each view, for the caller (audited)",
    description:
      'A clinician counts only their own leads. Each count is the number of leads `GET /v1/admin/leads?view=<name>` lists.',
  })
  @ApiOkResponse({ type: LeadCountsView })
  counts(
    @CurrentStaff() staff: StaffContext,
    @Req() request: FastifyRequest,
  ): Promise<LeadCountsView> {
    return this.leadList.counts(staff, actorOf(request));
  }

  @Get('leads.csv')
  @Staff('admin', 'coordinator')
  @RequiresFreshCredentials()
  @ApiOperation({
    summary: 'Export the leads the filters match as CSV, streamed (audited as lead.exported)',
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({
    schema: { type: 'string' },
    headers: {
      'Content-Disposition': {
        description: '`attachment; filename="leads-<date>.csv"`',
        schema: { type: 'string' },
      },
    },
    description:
      'UTF-8 with a byte order mark, CR LF line ends; cells that would start a formula begin with a quote.',
  })
  async export(
    @Query() filters: LeadFilterDto,
    @CurrentStaff() staff: StaffContext,
    @Req() request: FastifyRequest,
  ): Promise<StreamableFile> {
    const day = new Date().toISOString().slice(0, 10);
    const headers = {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="leads-${day}.csv"`,
    };
    // HEAD sends no rows: no snapshot to open, no export to audit.
    if (request.method === 'HEAD') return new StreamableFile(Buffer.alloc(0), headers);
    const stream = await this.leadList.export(staff, actorOf(request), filters);
    return new StreamableFile(stream, headers).setErrorLogger((error) =>
      // Cut short, the client sees a broken download; the log says why, without values.
      this.logger.error({ err: loggableError(error), reqId: request.id }, 'lead export failed'),
    );
  }

  @Get('leads/:id')
  @ApiOperation({ summary: 'One lead with its submissions, notes, timeline, duplicates (audited)' })
  @ApiOkResponse(LEAD_VIEW)
  @ProblemResponses(
    [404, 'Unknown lead, or one a clinician may not see.'],
    [
      409,
      'A sealed value cannot be opened with the configured data keys (`sealed-data-unreadable`).',
    ],
  )
  async read(
    @Param('id') id: string,
    @CurrentStaff() staff: StaffContext,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LeadRead['view']> {
    return this.answer(reply, await this.details.read(staff, actorOf(request), id));
  }

  @Patch('leads/:id')
  @ApiOperation({
    summary: 'Change status, urgency, assignment or tags',
    description:
      '428 without If-Match, 409 when it is stale or the status move is not allowed, 403 when a clinician changes the assignment.',
  })
  @ApiHeader({
    name: 'If-Match',
    required: true,
    schema: { type: 'string' },
    description: 'The ETag of your last read',
  })
  @ApiOkResponse(LEAD_VIEW)
  @ProblemResponses(
    [404, 'Unknown lead, or one a clinician may not see.'],
    [
      409,
      'The `If-Match` is stale, the status move is not allowed, or a sealed value cannot be opened.',
    ],
    [428, 'No `If-Match` header.'],
  )
  async update(
    @Param('id') id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: UpdateLeadDto,
    @CurrentStaff() staff: StaffContext,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LeadRead['view']> {
    const actor = actorOf(request);
    // Answered from the lead as changed, read in the change's own transaction.
    const read = await this.triage.update(staff, actor, id, ifMatch, body, (manager, lead) =>
      this.details.viewOf(manager, staff, actor, lead),
    );
    return this.answer(reply, read);
  }

  @Post('leads/:id/notes')
  @HttpCode(201)
  @ApiOperation({ summary: 'Add a note (append-only: notes are never edited or deleted)' })
  @ApiCreatedResponse({ type: NoteView })
  @ProblemResponses(
    [404, 'Unknown lead, or one a clinician may not see.'],
    [409, 'The lead was erased or merged into another.'],
  )
  addNote(
    @Param('id') id: string,
    @Body() body: AddNoteDto,
    @CurrentStaff() staff: StaffContext,
    @Req() request: FastifyRequest,
  ): Promise<NoteView> {
    return this.triage.addNote(staff, actorOf(request), id, body.body);
  }

  @Post('leads/:id/contact-attempts')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Log a contact attempt (append-only); the first one stops the response clock',
  })
  @ApiCreatedResponse({ type: ContactAttemptView })
  @ProblemResponses(
    [404, 'Unknown lead, or one a clinician may not see.'],
    [409, 'The lead was erased or merged into another.'],
  )
  logContactAttempt(
    @Param('id') id: string,
    @Body() body: LogContactAttemptDto,
    @CurrentStaff() staff: StaffContext,
    @Req() request: FastifyRequest,
  ): Promise<ContactAttemptView> {
    return this.contactAttempts.log(staff, actorOf(request), id, body);
  }

  private answer(reply: FastifyReply, read: LeadRead): LeadRead['view'] {
    reply.header('etag', leadEtag(read.version));
    return read.view;
  }
}
