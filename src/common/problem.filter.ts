import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { STATUS_CODES } from 'node:http';
import { isMessageKey, langOf, t, type Lang } from '../i18n/i18n.js';
import { fieldMessage, Problem } from './problem.js';

/** Where the JSON answers live; everything else is a page. */
export function wantsJson(req: Request): boolean {
  return req.path.startsWith('/api/') || req.path === '/health';
}

/** Raised by page guards: answered with a redirect to the sign-in page. */
export class LoginRequired extends Error {}

/**
 * The one place errors leave the app: problem+json (RFC 9457) for the API,
 * a friendly page for people. Anything unexpected is logged and answered 500
 * without details.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly log = new Logger('ProblemFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<Request>();
    const res = ctx.getResponse<Response>();
    if (res.headersSent) return;

    if (exception instanceof LoginRequired && !wantsJson(req)) {
      res.redirect(303, `/login?next=${encodeURIComponent(req.originalUrl)}`);
      return;
    }
    const problem = toProblem(exception);
    if (problem.status >= 500) this.log.error(exception instanceof Error ? exception.stack : String(exception));
    const lang = langOf(req);
    if (wantsJson(req)) {
      res
        .status(problem.status)
        .type('application/problem+json')
        .send(problemBody(problem, lang, req.originalUrl));
    } else {
      res.status(problem.status).render('pages/error', {
        title: t(lang, 'error.title'),
        status: problem.status,
        message: t(lang, problem.code, problem.params),
      });
    }
  }
}

export function toProblem(exception: unknown): Problem {
  if (exception instanceof Problem) return exception;
  if (exception instanceof LoginRequired) return Problem.unauthenticated();
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const known = [400, 401, 403, 404, 409, 422, 429].includes(status);
    return new Problem(status, known ? (`error.${status}` as 'error.400') : status >= 500 ? 'error.500' : 'error.400');
  }
  return new Problem(500, 'error.500');
}

export function problemBody(problem: Problem, lang: Lang, instance: string) {
  return {
    type: `urn:mot-cua:problem:${problem.code}`,
    title: statusTitle(problem.status, lang),
    status: problem.status,
    detail: t(lang, problem.code, problem.params),
    instance,
    code: problem.code,
    ...(problem.errors.length > 0 && {
      errors: problem.errors.map((e) => ({ path: e.path, message: fieldMessage(e, lang), code: e.code })),
    }),
  };
}

function statusTitle(status: number, lang: Lang): string {
  const key = `error.${status}`;
  return isMessageKey(key) ? t(lang, key) : (STATUS_CODES[status] ?? 'Error');
}
