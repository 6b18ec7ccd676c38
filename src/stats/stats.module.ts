import { Module } from '@nestjs/common';
import { ServiceIndexService } from './service-index/service-index.service.js';
import { StatsFilterService } from './stats-filter.service.js';
import { StatsController } from './stats.controller.js';
import { StatsService } from './stats.service.js';

@Module({
  controllers: [StatsController],
  providers: [StatsService, StatsFilterService, ServiceIndexService],
  exports: [StatsService, StatsFilterService, ServiceIndexService],
})
export class StatsModule {}
