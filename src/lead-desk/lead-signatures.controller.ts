import { Controller, Get, Param, Req, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { actorOf } from '../audit/audit.service.js';
import type { StaffContext } from '../auth/staff-context.js';
import { CurrentStaff, Staff } from '../auth/staff.decorator.js';
import { ProblemResponses } from '../common/openapi.js';
import { LeadSignaturesService } from './lead-signatures.service.js';

/** The PDF of a consent document a lead's client or partner signed. */
@ApiTags('admin')
@Controller('v1/admin/leads')
@Staff()
export class LeadSignaturesController {
  constructor(private readonly signatures: LeadSignaturesService) {}

  @Get(':id/signatures/:signatureId.pdf')
  @ApiOperation({
    summary: 'A signed consent document as PDF: its text and the signature block (audited)',
  })
  @ApiProduces('application/pdf')
  @ApiOkResponse({
    schema: { type: 'string', format: 'binary' },
    headers: {
      'Content-Disposition': {
        description:
          '`attachment; filename="<slug>-v<version>-signed.pdf"` (`-firmado.pdf` for a Spanish document)',
        schema: { type: 'string' },
      },
    },
    description:
      'Title, body, and the signer’s name, time (practice zone and UTC), version and SHA-256; its headings in the document’s language.',
  })
  @ProblemResponses([404, 'Unknown lead or signature, or a lead a clinician may not see.'])
  async pdf(
    @Param('id') id: string,
    @Param('signatureId') signatureId: string,
    @CurrentStaff() staff: StaffContext,
    @Req() request: FastifyRequest,
  ): Promise<StreamableFile> {
    const { pdf, fileName } = await this.signatures.pdf(staff, actorOf(request), id, signatureId);
    return new StreamableFile(pdf, {
      type: 'application/pdf',
      disposition: `attachment; filename="${fileName}"`,
    });
  }
}
