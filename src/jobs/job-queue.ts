import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import PgBoss from 'pg-boss';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';

/** pg-boss keeps its tables here, apart from the portal's (it creates and migrates them itself). */
export const JOBS_SCHEMA = 'pgboss';

/** Work done on a clock: `run` is the job's idempotent `runOnce`. */
interface JobDefinition {
  /** Queue name: letters, digits, dashes. */
  name: string;
  run: () => Promise<unknown>;
  /** Cron (UTC, minute resolution): pg-boss sends one job per tick across all replicas. */
  cron: string;
  /**
   * Also run again this many seconds after each run ends: each run queues the
   * next, so the work repeats every few seconds while the cron restarts the
   * chain within a minute should it break (every worker stopped, a crash).
   */
  repeatSeconds?: number;
  /** A run that takes longer is failed by pg-boss (and its worker's lock released). */
  expireInSeconds: number;
}

/**
 * The background-job queue: pg-boss on the portal's own database.
 *
 * Every replica starts pg-boss (so it can queue work); only those with
 * `WORKERS=true` run jobs, maintenance and the cron clock. Queues are
 * `stately`: at most one job waiting and one running per queue across all
 * replicas, so a slow run is never overtaken by the next tick. Jobs are
 * registered by their modules in `onModuleInit` and started here once the
 * app is up; `app.close()` stops pg-boss, waiting for a running job to end.
 */
@Injectable()
export class JobQueue implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = new Logger('JobQueue');
  private readonly jobs: JobDefinition[] = [];
  private readonly boss: PgBoss;
  private stopping = false;
  private stopped = false;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    if (!config.databaseUrl) throw new Error('JobQueue needs the database URL');
    this.boss = new PgBoss({
      connectionString: config.databaseUrl,
      schema: JOBS_SCHEMA,
      application_name: 'mot-cua-jobs',
      max: 4,
      // Maintenance (expiry, archiving) and the cron clock only where jobs run.
      supervise: config.workers,
      schedule: config.workers,
      // The dispatcher alone makes a job every few seconds: archive finished jobs after an hour and
      // keep the archive a day (the outbox, not pg-boss, is the record of what was sent).
      archiveCompletedAfterSeconds: 3600,
      deleteAfterHours: 24,
    });
    // An EventEmitter 'error' with no listener would crash the process; pg-boss reports polling errors here.
    // Once stopped, its pool's last sockets may still be closing when an embedded database shuts down:
    // what they report then is not a problem.
    this.boss.on('error', (err) =>
      this.stopped ? this.log.debug(`pg-boss after stop: ${err.message}`) : this.log.error(`pg-boss: ${err.message}`),
    );
  }

  /** Declares a recurring job; call from `onModuleInit`. */
  register(job: JobDefinition): void {
    if (this.jobs.some((j) => j.name === job.name)) throw new Error(`job ${job.name} is registered twice`);
    this.jobs.push(job);
  }

  /** The jobs this app knows (for tests and the logs). */
  get names(): string[] {
    return this.jobs.map((j) => j.name);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.boss.start();
    if (!this.config.workers) {
      this.log.log('WORKERS=false: this replica runs no background jobs');
      return;
    }
    for (const job of this.jobs) await this.startJob(job);
    this.log.log(`background jobs: ${this.names.join(', ')}`);
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    // Graceful: stop fetching, wait (up to the timeout) for running jobs, then close pg-boss's pool.
    await this.boss.stop({ graceful: true, wait: true, timeout: 15_000 });
    this.stopped = true;
  }

  private async startJob(job: JobDefinition): Promise<void> {
    await this.boss.createQueue(job.name, { name: job.name, policy: 'stately', retryLimit: 0, expireInSeconds: job.expireInSeconds });
    await this.boss.work(job.name, { pollingIntervalSeconds: job.repeatSeconds ? 1 : 10 }, async () => {
      try {
        await job.run();
      } catch (err) {
        this.log.error(`job ${job.name} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
        throw err; // pg-boss records the failure; the next tick runs it again
      } finally {
        if (job.repeatSeconds) await this.queueNext(job, job.repeatSeconds);
      }
    });
    await this.boss.schedule(job.name, job.cron);
    if (job.repeatSeconds) await this.queueNext(job, 0);
  }

  /** A `stately` queue holds one waiting job: a second send while one waits is simply dropped (null). */
  private async queueNext(job: JobDefinition, afterSeconds: number): Promise<void> {
    if (this.stopping) return;
    await this.boss.send(job.name, {}, afterSeconds > 0 ? { startAfter: afterSeconds } : {});
  }
}
