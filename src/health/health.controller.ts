import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ProblemException } from '../common/problem-details.js';
import { LiveView, ReadyView } from './dto/health.view.js';
import { Readiness } from './readiness.service.js';

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(private readonly readiness: Readiness) {}

  /** Never touches the database: a database outage must not get the process restarted. */
  @Get('live')
  @ApiOperation({ summary: 'The process is up' })
  @ApiOkResponse({ type: LiveView })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({ summary: 'The database answers and every migration is applied' })
  @ApiOkResponse({ type: ReadyView })
  async ready(): Promise<{ status: 'ok'; database: 'ok'; migrations: 'ok' }> {
    const database = await this.readiness.database();
    if (database === 'unreachable') {
      throw new ProblemException('unavailable', 'The database does not answer.');
    }
    if (database === 'migrations-pending') {
      throw new ProblemException('unavailable', 'Database migrations are pending.');
    }
    return { status: 'ok', database: 'ok', migrations: 'ok' };
  }
}
