import { Module } from '@nestjs/common';
import { Metrics } from './metrics.js';
import { ObservabilityController } from './observability.controller.js';

@Module({
  controllers: [ObservabilityController],
  providers: [{ provide: Metrics, useFactory: () => new Metrics() }],
  exports: [Metrics],
})
export class ObservabilityModule {}
