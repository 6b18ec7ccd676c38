import { Module } from '@nestjs/common';
import { JobQueue } from './job-queue.js';

/** pg-boss, started with the app and stopped with it; modules register their recurring jobs on it. */
@Module({ providers: [JobQueue], exports: [JobQueue] })
export class JobQueueModule {}
