import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger as PinoNestLogger } from 'nestjs-pino';
import type { Logger } from 'pino';
import { AppModule } from './app.module.js';
import type { AppConfig } from './config/config.js';
import { loadOrCreateLocalSecret } from './common/secrets.js';
import { migrate, provisionDatabase, withStartupLock } from './database/database.js';
import { SeedService } from './database/seed/seed.service.js';
import { configureHttp } from './http.js';
import { createLogger } from './observability/logger.js';

export interface Portal {
  app: NestExpressApplication;
  config: AppConfig;
  log: Logger;
  /** Stops the app, then the embedded database if it started one. Safe to call twice. */
  close: () => Promise<void>;
}

/**
 * The one way the portal starts, for `main.ts` and for the tests alike:
 * database (embedded if no DATABASE_URL) → migrations and seed under a lock
 * shared by all replicas → the Nest app, ready to listen.
 */
export async function createPortal(config: AppConfig, log: Logger = createLogger(config)): Promise<Portal> {
  const appSecret = config.appSecret ?? (await loadOrCreateLocalSecret(config.dataDir));
  const db = await provisionDatabase(config, log);
  let app: NestExpressApplication | undefined;
  try {
    const full = { ...config, appSecret, databaseUrl: db.url };
    await withStartupLock(db.url, () => migrate(db.url, log));
    app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(full, log), {
      bodyParser: false,
      bufferLogs: true,
    });
    app.useLogger(app.get(PinoNestLogger));
    configureHttp(app, full, log);
    await app.init();
    const seed = app.get(SeedService);
    await withStartupLock(db.url, () => seed.run(log));
  } catch (err) {
    await app?.close().catch(() => undefined);
    await db.stop();
    throw err;
  }
  let closing: Promise<void> | undefined;
  const started = app;
  return {
    app: started,
    config,
    log,
    close: () =>
      (closing ??= (async () => {
        await started.close();
        await db.stop();
      })()),
  };
}
