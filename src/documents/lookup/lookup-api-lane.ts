import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { problemBody, toProblem } from '../../common/problem.filter.js';
import { Problem } from '../../common/problem.js';
import { langOf } from '../../i18n/i18n.js';
import { requestId } from '../../observability/logger.js';
import { normaliseCode } from './lookup-record.js';
import { applyRate, rateAddress } from './lookup-rate.guard.js';
import { toLookupResponse } from './lookup.dto.js';
import type { LookupService } from './lookup.service.js';

/** What the lane needs: the lookup and the limit's pruning, both from the Nest container. */
export interface LookupLaneDeps {
  lookup: LookupService;
  prune: () => Promise<void>;
  log: Logger;
}

const PATH = /^\/([^/]+)$/;

/**
 * `GET /api/v1/lookup/{code}` answered ahead of the framework's routing: the busiest public route
 * (every QR code on a paper form opens it) pays for the metrics, helmet and cookies, then one
 * named statement, and skips the ~150-route router, body parsers, pino-http and Nest's
 * pipeline, which cost it more CPU than the lookup itself (bench/README.md, "Lookup by code").
 * It answers exactly as `LookupController`, which stays for the OpenAPI document and what the
 * lane leaves to the router (HEAD, a trailing slash, an undecodable code):
 * the same service, rate headers, problem+json, request id and access log line.
 * Mounted at `/api/v1/lookup`, so `req.path` is `/{code}`.
 */
export function lookupApiLane(deps: LookupLaneDeps) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const match = req.method === 'GET' ? PATH.exec(req.path) : null;
    const raw = match ? decoded(match[1]) : null;
    if (raw === null) return next();
    const started = performance.now();
    const id = requestId(req);
    res.setHeader('X-Request-Id', id);
    res.locals.route = '/api/v1/lookup/:code';
    res.once('finish', () => {
      const status = res.statusCode;
      const level = status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info';
      deps.log[level](
        {
          req: { id, method: req.method, url: req.originalUrl, remoteAddress: req.socket.remoteAddress },
          res: { statusCode: status },
          responseTime: Math.round(performance.now() - started),
        },
        'request completed',
      );
    });
    void answer(raw, req, res, deps);
  };
}

async function answer(raw: string, req: Request, res: Response, { lookup, prune, log }: LookupLaneDeps) {
  try {
    const { rate, record } = await lookup.findCounted(rateAddress(req), normaliseCode(raw));
    applyRate(res, rate, prune);
    if (!record) throw Problem.notFound('lookup.notFound');
    res.status(200).json(toLookupResponse(record));
  } catch (err) {
    const problem = toProblem(err);
    if (problem.status >= 500) log.error({ err }, 'lookup failed');
    if (res.headersSent) return;
    res
      .status(problem.status)
      .type('application/problem+json')
      .send(problemBody(problem, langOf(req), req.originalUrl));
  }
}

/** The path segment as the router would decode it; null when it cannot (left to the router's 400). */
function decoded(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}
