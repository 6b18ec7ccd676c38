import { Inject, Module, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { JobQueueModule } from '../jobs/job-queue.module.js';
import { JobQueue } from '../jobs/job-queue.js';
import { FileMailer, MAILER, mailDir, SmtpMailer, type Mailer } from './mail/mailer.js';
import { NotificationsController } from './notifications.controller.js';
import { NotificationsService } from './notifications.service.js';
import { NotifyHandler } from './notify-handler.js';
import { OutboxDispatcher } from './outbox-dispatcher.js';

/** Seconds between two dispatcher runs while the queue runs; a change is mailed within about this long. */
export const DISPATCH_EVERY_SECONDS = 5;
export const DISPATCH_JOB = 'notifications-dispatch';

/**
 * Notifications: the outbox dispatcher (in-app rows and mail), the mailer
 * (SMTP, or .eml files when no SMTP_URL), and the in-app notifications API.
 */
@Module({
  imports: [JobQueueModule],
  controllers: [NotificationsController],
  providers: [
    NotificationsService,
    OutboxDispatcher,
    NotifyHandler,
    {
      provide: MAILER,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): Mailer =>
        config.smtpUrl ? new SmtpMailer(config.smtpUrl, config.mailFrom) : new FileMailer(mailDir(config), config.mailFrom),
    },
  ],
  exports: [NotificationsService, OutboxDispatcher, MAILER],
})
export class NotificationsModule implements OnModuleInit, OnApplicationShutdown {
  constructor(
    private readonly dispatcher: OutboxDispatcher,
    private readonly notify: NotifyHandler,
    private readonly queue: JobQueue,
    @Inject(MAILER) private readonly mailer: Mailer,
  ) {}

  /** After every module's destroy hook, so after pg-boss has let the running dispatcher finish. */
  onApplicationShutdown(): void {
    this.mailer.close();
  }

  onModuleInit(): void {
    this.dispatcher.register('notify', this.notify.handle);
    // Every few seconds, as a chain of pg-boss jobs; the cron restarts the chain if it ever breaks.
    this.queue.register({
      name: DISPATCH_JOB,
      cron: '* * * * *',
      repeatSeconds: DISPATCH_EVERY_SECONDS,
      expireInSeconds: 5 * 60,
      run: () => this.dispatcher.runOnce(),
    });
  }
}
