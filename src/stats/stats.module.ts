import { Module, type OnModuleInit } from '@nestjs/common';
import { JobQueueModule } from '../jobs/job-queue.module.js';
import { JobQueue } from '../jobs/job-queue.js';
import { ServiceIndexService } from './service-index/service-index.service.js';
import { StatsFilterService } from './stats-filter.service.js';
import { StatsRollup } from './stats-rollup.service.js';
import { StatsController } from './stats.controller.js';
import { StatsService } from './stats.service.js';

@Module({
  imports: [JobQueueModule],
  controllers: [StatsController],
  providers: [StatsService, StatsFilterService, ServiceIndexService, StatsRollup],
  exports: [StatsService, StatsFilterService, ServiceIndexService],
})
export class StatsModule implements OnModuleInit {
  constructor(
    private readonly queue: JobQueue,
    private readonly rollup: StatsRollup,
  ) {}

  onModuleInit(): void {
    // Hourly: a month is rolled up within the hour after its grace, a changed month rebuilt within the hour.
    this.queue.register({ name: StatsRollup.JOB, cron: '7 * * * *', expireInSeconds: 30 * 60, run: () => this.rollup.runOnce() });
  }
}
