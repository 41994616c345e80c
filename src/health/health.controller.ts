import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ProblemException } from '../common/problem-details.js';

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get('live')
  @ApiOperation({ summary: 'The process is up' })
  @ApiOkResponse({ schema: { example: { status: 'ok' } } })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({ summary: 'The database answers and every migration is applied' })
  @ApiOkResponse({ schema: { example: { status: 'ok', database: 'ok', migrations: 'ok' } } })
  async ready(): Promise<{ status: 'ok'; database: 'ok'; migrations: 'ok' }> {
    try {
      await this.dataSource.query('SELECT 1');
    } catch {
      throw new ProblemException('unavailable', 'The database does not answer.');
    }
    if (await this.dataSource.showMigrations()) {
      throw new ProblemException('unavailable', 'Database migrations are pending.');
    }
    return { status: 'ok', database: 'ok', migrations: 'ok' };
  }
}
