import { Controller, Get, Headers, Inject, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ProblemResponses, SECURITY } from '../common/openapi.js';
import { ProblemException } from '../common/problem-details.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { Metrics } from './metrics.service.js';
import { scrapeAccess } from './scrape-access.js';

/** Not rate-limited and not behind the staff guard: a scraper has no session or address. */
@ApiTags('operations')
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: Metrics,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Prometheus metrics',
    description:
      'Prometheus text format. With METRICS_TOKEN set it needs `Authorization: Bearer <METRICS_TOKEN>`; ' +
      'in production without a token it is not served. A refused scrape answers 404, as an unknown address does.',
  })
  @ApiBearerAuth(SECURITY.metrics)
  @ApiProduces('text/plain')
  @ApiOkResponse({
    description: 'Every series of this process, in Prometheus text format',
    schema: { type: 'string' },
  })
  @ProblemResponses([404, 'No token configured in production, or a wrong token'])
  async scrape(
    @Headers('authorization') authorization: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const access = scrapeAccess(
      { production: this.config.env === 'production', token: this.config.metrics.token },
      authorization,
    );
    if (access === 'hidden') throw new ProblemException('not-found');
    const { contentType, body } = await this.metrics.scrape();
    reply.header('content-type', contentType).header('cache-control', 'no-store');
    return body;
  }
}
