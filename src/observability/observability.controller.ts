import { Controller, Get, Header, HttpStatus, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Metrics } from './metrics.js';

@ApiTags('operations')
@Controller()
export class ObservabilityController {
  constructor(
    private readonly db: DataSource,
    @Inject(Metrics) private readonly metrics: Metrics,
  ) {}

  /** Liveness and readiness in one: the app answers and its database does too. */
  @Get('health')
  @ApiOkResponse({ description: 'The app and its database are up' })
  @ApiServiceUnavailableResponse({ description: 'The database does not answer' })
  async health(@Res() res: Response): Promise<void> {
    const database = await Promise.race([
      this.db.query('SELECT 1').then(
        () => 'up',
        () => 'down',
      ),
      new Promise<string>((resolve) => setTimeout(resolve, 2000, 'down').unref()),
    ]);
    const ok = database === 'up';
    res.status(ok ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).json({ status: ok ? 'ok' : 'error', checks: { database } });
  }

  @Get('metrics')
  @Header('Cache-Control', 'no-store')
  async prometheus(@Res() res: Response): Promise<void> {
    res.type(this.metrics.registry.contentType).send(await this.metrics.registry.metrics());
  }
}
