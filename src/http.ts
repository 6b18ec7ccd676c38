import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { API_PREFIX } from './common/api.js';
import type { AppConfig } from './config/config.js';
import { problemBody, wantsJson } from './common/problem.filter.js';
import { Problem } from './common/problem.js';
import { langOf, t } from './i18n/i18n.js';
import { Metrics } from './observability/metrics.js';
import { lookupApiLane } from './documents/lookup/lookup-api-lane.js';
import { LookupRateGuard } from './documents/lookup/lookup-rate.guard.js';
import { LookupService } from './documents/lookup/lookup.service.js';
import type { CsrfTools } from './web/csrf.js';
import { pageContext } from './web/page-context.js';
import { setUpViews } from './web/views.js';
import { CSRF } from './web/web.tokens.js';

/** The project root: one level above both `src/` (tests) and `dist/` (built app). */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const NON_PAGE = /^\/(api|health|metrics)(\/|$)/;

/** Everything the HTTP server does around the routes, in order. */
export function configureHttp(app: NestExpressApplication, config: AppConfig, log: Logger): void {
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  // No enableShutdownHooks(): main.ts owns SIGINT/SIGTERM, so the embedded database stops after the app.

  app.use(app.get(Metrics).middleware);
  const strict = helmet({ contentSecurityPolicy: { directives: { 'upgrade-insecure-requests': null } } });
  const forDocs = helmet({ contentSecurityPolicy: false });
  app.use((req: Request, res: Response, next: NextFunction) => (req.path.startsWith('/api/docs') ? forDocs : strict)(req, res, next));

  // Static files are looked for only on page paths: the API and probes never pay a disk lookup.
  const assets = express.static(path.join(ROOT, 'public'), { maxAge: '1h' });
  app.use((req: Request, res: Response, next: NextFunction) => (NON_PAGE.test(req.path) ? next() : assets(req, res, next)));
  app.use('/uswds', express.static(path.join(ROOT, 'node_modules/@uswds/uswds/dist'), { maxAge: '1d' }));

  app.use(cookieParser());
  // The busiest public route answers here, ahead of the router and Nest's pipeline (see lookup-api-lane.ts).
  const limit = app.get(LookupRateGuard);
  app.use(`/${API_PREFIX}/lookup`, lookupApiLane({ lookup: app.get(LookupService), prune: () => limit.prune(), log }));
  // Payment notifications are verified against their exact bytes: kept raw (a Buffer in req.body).
  app.use('/api/v1/payments/webhooks', express.raw({ type: () => true, limit: '1mb' }));
  app.use(express.json({ limit: '1mb', type: ['application/json', 'application/*+json'] }));
  app.use(express.urlencoded({ extended: false, limit: '1mb' }));
  app.use(bodyErrors);

  const viewsDir = path.join(ROOT, 'views');
  app.setBaseViewsDir(viewsDir);
  app.setViewEngine('hbs');
  app.set('view options', { layout: 'layouts/main' });
  setUpViews(viewsDir);

  const csrf = app.get<CsrfTools>(CSRF);
  const context = pageContext(config);
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (NON_PAGE.test(req.path)) return next();
    context(req, res, () => csrf.middleware(req, res, next));
  });

  const openApi = new DocumentBuilder()
    .setTitle('Một cửa điện tử — public API')
    .setDescription('The one-stop public-service portal API (v1). Errors are application/problem+json (RFC 9457).')
    .setVersion('1')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, openApi), {
    jsonDocumentUrl: 'api/docs-json',
  });
}

/** A body that cannot be parsed is the client's error: 400 (or 413), as problem+json for the API. */
function bodyErrors(err: { type?: string; status?: number }, req: Request, res: Response, next: NextFunction): void {
  if (!err?.type?.startsWith('entity.') && err?.type !== 'encoding.unsupported' && err?.type !== 'charset.unsupported') return next(err);
  const status = err.status === 413 ? 413 : 400;
  const problem = new Problem(status, err.type === 'entity.parse.failed' ? 'error.badJson' : 'error.400');
  const lang = langOf(req);
  if (wantsJson(req) || req.is('json')) {
    res
      .status(status)
      .type('application/problem+json')
      .send(problemBody(problem, lang, req.originalUrl));
  } else {
    res.status(status).type('text/plain').send(t(lang, 'error.400'));
  }
}
