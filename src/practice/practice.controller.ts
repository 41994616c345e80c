import { Controller, Get, Headers, Res } from '@nestjs/common';
import {
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ProblemResponses } from '../common/openapi.js';
import { RateLimited } from '../rate-limit/rate-limited.decorator.js';
import { PracticeView } from './dto/practice.view.js';
import { etagMatches } from './practice-view.js';
import { PracticeService } from './practice.service.js';

const ETAG = { ETag: { description: 'The version of this answer.', schema: { type: 'string' } } };
const IF_NONE_MATCH = {
  name: 'If-None-Match',
  required: false,
  description: 'The ETag of a copy you hold: 304 without a body while it is current.',
};

/** GET /v1/practice and its logo: who the client is dealing with (docs/api.md#practice-identity). */
@ApiTags('public')
@Controller('v1/practice')
export class PracticeController {
  constructor(private readonly practice: PracticeService) {}

  @Get()
  @RateLimited('read')
  @ApiOperation({
    summary: 'The practice: name, contact, logo, languages, privacy notice, booking, CAPTCHA',
    description:
      'Public, for the hosted pages, the embed and the practice’s own website. Cacheable ' +
      'for a minute; send `If-None-Match` to revalidate.',
  })
  @ApiHeader(IF_NONE_MATCH)
  @ApiOkResponse({ type: PracticeView, headers: ETAG })
  @ApiResponse({ status: 304, description: 'Your copy is current.', headers: ETAG })
  async view(
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PracticeView | undefined> {
    const { body, etag } = await this.practice.view();
    reply.header('etag', etag).header('cache-control', 'public, max-age=60');
    if (etagMatches(ifNoneMatch, etag)) {
      reply.status(304);
      return undefined;
    }
    return body;
  }

  @Get('logo')
  @RateLimited('read')
  @ApiOperation({
    summary: 'The practice’s logo (PNG or JPEG)',
    description: 'Its address in GET /v1/practice carries the version, so it is cached long.',
  })
  @ApiHeader(IF_NONE_MATCH)
  @ApiProduces('image/png', 'image/jpeg')
  @ApiOkResponse({
    description: 'The image',
    headers: ETAG,
    content: {
      'image/png': { schema: { type: 'string', format: 'binary' } },
      'image/jpeg': { schema: { type: 'string', format: 'binary' } },
    },
  })
  @ApiResponse({ status: 304, description: 'Your copy is current.', headers: ETAG })
  @ProblemResponses([404, 'The practice has no logo.'])
  async logo(
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const logo = await this.practice.logo();
    reply
      .header('etag', logo.etag)
      .header('cache-control', 'public, max-age=86400')
      .header('x-content-type-options', 'nosniff')
      // Shown by the embed on the practice's own website: another origin may load it.
      .header('cross-origin-resource-policy', 'cross-origin')
      .header('content-security-policy', "default-src 'none'");
    if (etagMatches(ifNoneMatch, logo.etag)) {
      await reply.status(304).send();
      return;
    }
    await reply.type(logo.contentType).send(logo.bytes);
  }
}
