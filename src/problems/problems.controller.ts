import { Controller, Get, Header, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ProblemResponses } from '../common/openapi.js';
import {
  PROBLEM_TYPES,
  type ProblemCode,
  ProblemException,
  type ProblemType,
} from '../common/problem-details.js';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Serves the page each problem `type` points at. */
@ApiTags('operations')
@Controller('problems')
export class ProblemsController {
  @Get(':code')
  @ApiOperation({ summary: 'The page a problem `type` points at: what it means, what to do' })
  @ApiParam({ name: 'code', enum: Object.keys(PROBLEM_TYPES) })
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'An HTML page.', schema: { type: 'string' } })
  @ProblemResponses([404, 'No problem type has this code.'])
  @Header('content-type', 'text/html; charset=utf-8')
  describe(@Param('code') code: string): string {
    if (!Object.hasOwn(PROBLEM_TYPES, code)) throw new ProblemException('not-found');
    const type: ProblemType = PROBLEM_TYPES[code as ProblemCode];
    const retry =
      type.retryAfterSeconds === undefined
        ? ''
        : `\n<p>Sent with <code>Retry-After: ${type.retryAfterSeconds}</code> (seconds).</p>`;
    return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(type.title)}</title></head>
<body><h1>${escapeHtml(type.title)}</h1><p>HTTP status ${type.status}.</p>
<p>${escapeHtml(type.description)}</p>${retry}</body></html>
`;
  }
}
