import { createReadStream } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Controller, Get, Header, StreamableFile } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';

/** Chart.js's browser build, resolved once from the installed package. */
const CHART_JS = path.join(path.dirname(createRequire(import.meta.url).resolve('chart.js')), 'chart.umd.js');

/** Chart.js served by the portal itself: no CDN, and the CSP's `script-src 'self'` holds. */
@ApiExcludeController()
@Controller('assets')
export class ChartAssetController {
  @Get('chart.umd.js')
  @Header('Content-Type', 'text/javascript; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=86400')
  chart(): StreamableFile {
    return new StreamableFile(createReadStream(CHART_JS));
  }
}
