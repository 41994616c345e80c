import { Body, Controller, Get, Param, Post, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { actorOf } from '../audit/audit.service.js';
import type { StaffContext } from '../auth/staff-context.js';
import { CurrentStaff, Staff } from '../auth/staff.decorator.js';
import { ProblemResponses } from '../common/openapi.js';
import { ConsentDocuments } from './consent-documents.service.js';
import { CreateConsentDocumentDto, PublishConsentVersionDto } from './dto/consent-document.dto.js';
import { ConsentDocumentListView, ConsentDocumentView } from './dto/consent-document.view.js';

/** /v1/admin/consent-documents: what clients are asked to sign. Admins only. */
@ApiTags('admin')
@Controller('v1/admin/consent-documents')
@Staff('admin')
export class ConsentDocumentsController {
  constructor(private readonly documents: ConsentDocuments) {}

  @Get()
  @ApiOperation({ summary: 'Every consent document with its current text and its versions' })
  @ApiOkResponse({ type: ConsentDocumentListView })
  async list(): Promise<ConsentDocumentListView> {
    return { items: await this.documents.list() };
  }

  @Get(':slug')
  @ApiOperation({ summary: 'One consent document with its current text and its versions' })
  @ApiOkResponse({ type: ConsentDocumentView })
  @ProblemResponses([404, 'No consent document has this slug.'])
  get(@Param('slug') slug: string): Promise<ConsentDocumentView> {
    return this.documents.get(slug);
  }

  @Post()
  @ApiOperation({ summary: 'Add a consent document and publish its first version' })
  @ApiCreatedResponse({ type: ConsentDocumentView })
  @ProblemResponses([409, 'A document has this slug already.'])
  create(
    @Body() body: CreateConsentDocumentDto,
    @CurrentStaff() staff: StaffContext,
    @Req() request: FastifyRequest,
  ): Promise<ConsentDocumentView> {
    return this.documents.create(body, staff, actorOf(request));
  }

  @Post(':slug/versions')
  @ApiOperation({
    summary: 'Publish a new version of a consent document',
    description:
      'Versions never change once published. Forms ask for the newest version from now on; ' +
      'signatures of older versions keep naming theirs.',
  })
  @ApiCreatedResponse({ type: ConsentDocumentView })
  @ProblemResponses([404, 'No consent document has this slug.'])
  publish(
    @Param('slug') slug: string,
    @Body() body: PublishConsentVersionDto,
    @CurrentStaff() staff: StaffContext,
    @Req() request: FastifyRequest,
  ): Promise<ConsentDocumentView> {
    return this.documents.publish(slug, body, staff, actorOf(request));
  }
}
