import { Controller, Get, Header, Param } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import {
  PROBLEM_TYPES,
  type ProblemCode,
  ProblemException,
  type ProblemType,
} from '../common/problem-details.js';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Serves the page each problem `type` points at. */
@ApiExcludeController()
@Controller('problems')
export class ProblemsController {
  @Get(':code')
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
