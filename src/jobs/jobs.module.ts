import { Module, type OnModuleInit } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module.js';
import { DossiersModule } from '../dossiers/dossiers.module.js';
import { DueAlertsJob } from './due-alerts.job.js';
import { JobQueueModule } from './job-queue.module.js';
import { JobQueue } from './job-queue.js';
import { ReceptionAlertsJob } from './reception-alerts.job.js';
import { StaffAlerts } from './staff-alerts.js';
import { SupplementTimeoutsJob } from './supplement-timeouts.job.js';

/**
 * The dossier deadlines, checked every five minutes on pg-boss: supplements
 * not answered in time are stopped; near-due, overdue and late-reception
 * dossiers alert the officers (through the outbox, in-app and by mail).
 */
@Module({
  imports: [JobQueueModule, DossiersModule, CalendarModule],
  providers: [StaffAlerts, SupplementTimeoutsJob, DueAlertsJob, ReceptionAlertsJob],
  exports: [SupplementTimeoutsJob, DueAlertsJob, ReceptionAlertsJob],
})
export class JobsModule implements OnModuleInit {
  constructor(
    private readonly queue: JobQueue,
    private readonly supplements: SupplementTimeoutsJob,
    private readonly due: DueAlertsJob,
    private readonly reception: ReceptionAlertsJob,
  ) {}

  onModuleInit(): void {
    const every5 = '*/5 * * * *';
    this.queue.register({
      name: SupplementTimeoutsJob.NAME,
      cron: every5,
      expireInSeconds: 15 * 60,
      run: () => this.supplements.runOnce(),
    });
    this.queue.register({ name: DueAlertsJob.NAME, cron: every5, expireInSeconds: 15 * 60, run: () => this.due.runOnce() });
    this.queue.register({ name: ReceptionAlertsJob.NAME, cron: every5, expireInSeconds: 15 * 60, run: () => this.reception.runOnce() });
  }
}
