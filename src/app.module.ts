import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import type { Logger } from 'pino';
import { AgenciesModule } from './agencies/agencies.module.js';
import { AuthModule } from './auth/auth.module.js';
import { CalendarModule } from './calendar/calendar.module.js';
import { CommonModule } from './common/common.module.js';
import { InputValidationPipe } from './common/input-validation.pipe.js';
import { ProblemFilter } from './common/problem.filter.js';
import { ConfigModule } from './config/config.module.js';
import type { AppConfig } from './config/config.js';
import { dataSourceOptions } from './database/data-source.js';
import { SeedModule } from './database/seed/seed.module.js';
import { requestId } from './observability/logger.js';
import { ObservabilityModule } from './observability/observability.module.js';
import { DossiersModule } from './dossiers/dossiers.module.js';
import { DocumentsModule } from './documents/documents.module.js';
import { JobsModule } from './jobs/jobs.module.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { PaymentsModule } from './payments/payments.module.js';
import { PaymentPagesModule } from './web/payments/payment-pages.module.js';
import { DossierImportModule } from './dossiers/import/import.module.js';
import { ProceduresModule } from './procedures/procedures.module.js';
import { UsersModule } from './users/users.module.js';
import { WebModule } from './web/web.module.js';
import { CitizenPagesModule } from './web/dossiers/citizen-pages.module.js';
import { StatsModule } from './stats/stats.module.js';
import { RatingsModule } from './ratings/ratings.module.js';
import { DashboardPagesModule } from './web/dashboard/dashboard-pages.module.js';
import { PasswordResetModule } from './auth/password-reset.module.js';
import { SigningModule } from './signing/signing.module.js';
import { ResultsModule } from './results/results.module.js';
import { ResultPagesModule } from './web/results/result-pages.module.js';

/** The whole portal. `config.databaseUrl` must point at a migrated database. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig & { databaseUrl: string }, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot({
          pinoHttp: {
            logger,
            genReqId: (req, res) => {
              const id = requestId(req);
              res.setHeader('X-Request-Id', id);
              return id;
            },
            // Just what tracing a request needs: no headers, so no cookies or tokens.
            serializers: {
              req: (req: { id: string; method: string; url: string; remoteAddress?: string }) => ({
                id: req.id,
                method: req.method,
                // The CSRF token of a multipart form rides in its query (see web/csrf.ts): not for the logs.
                url: req.url.replace(/([?&]_csrf=)[^&]*/, '$1[redacted]'),
                remoteAddress: req.remoteAddress,
              }),
              res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
            },
            autoLogging: { ignore: (req) => req.url === '/health' || req.url === '/metrics' },
            customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
          },
        }),
        TypeOrmModule.forRoot(dataSourceOptions(config.databaseUrl)),
        CommonModule,
        ObservabilityModule,
        AgenciesModule,
        UsersModule,
        AuthModule,
        CalendarModule,
        ProceduresModule,
        SigningModule,
        DossiersModule,
        DocumentsModule,
        ResultsModule,
        ResultPagesModule,
        DossierImportModule,
        NotificationsModule,
        PaymentsModule,
        JobsModule,
        WebModule,
        CitizenPagesModule,
        PaymentPagesModule,
        StatsModule,
        RatingsModule,
        DashboardPagesModule,
        PasswordResetModule,
        SeedModule,
      ],
      providers: [
        { provide: APP_PIPE, useClass: InputValidationPipe },
        { provide: APP_FILTER, useClass: ProblemFilter },
      ],
    };
  }
}
