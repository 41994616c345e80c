import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ProblemException } from '../common/problem-details.js';
import { LiveView, ReadyView } from './dto/health.view.js';

/** A readiness probe answers within this, whatever the database does. */
const READY_WITHIN_MS = 3_000;

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

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
    const pending = await within(READY_WITHIN_MS, async () => {
      await this.dataSource.query('SELECT 1');
      return this.dataSource.showMigrations();
    });
    if (pending === undefined) {
      throw new ProblemException('unavailable', 'The database does not answer.');
    }
    if (pending) throw new ProblemException('unavailable', 'Database migrations are pending.');
    return { status: 'ok', database: 'ok', migrations: 'ok' };
  }
}

/** `work`'s result, or undefined when it fails or takes longer than `ms`. */
async function within<T>(ms: number, work: () => Promise<T>): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([work().catch(() => undefined), late]);
  } finally {
    clearTimeout(timer);
  }
}
