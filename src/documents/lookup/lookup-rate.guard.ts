import { Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { Problem } from '../../common/problem.js';

/** Lookups per client address per minute. Generous for people; a scraper walking through codes is slowed to a crawl. */
export const LOOKUP_LIMIT_PER_MINUTE = 60;

/**
 * The count of the address's window, as a CTE named `rate` (`count`, `reset`: seconds to the window's end). $1 is the address.
 * A fixed one-minute window per client address, counted in PostgreSQL so the
 * limit holds across every replica. One row per address, reset in place when
 * a new minute starts, in an UNLOGGED table (no WAL: a lost count after a
 * crash only forgives a minute).
 */
export const RATE_CTE = `rate AS (
  INSERT INTO lookup_rate AS r (address, window_start, count) VALUES ($1, date_trunc('minute', now()), 1)
  ON CONFLICT (address) DO UPDATE
    SET count = CASE WHEN r.window_start = EXCLUDED.window_start THEN r.count + 1 ELSE 1 END,
        window_start = EXCLUDED.window_start
  RETURNING count, ceil(extract(epoch FROM window_start + interval '1 minute' - now()))::int AS reset)`;

export interface RateCount {
  count: number;
  reset: number;
}

/** The address a request is counted under: Express's `req.ip` (set TRUST_PROXY behind a load balancer). */
export function rateAddress(req: Request): string {
  return (req.ip ?? 'unknown').slice(0, 64);
}

/**
 * Tells the client where it stands (RateLimit-* headers, Retry-After when over) and refuses with 429 past the limit.
 * Now and then, at the start of an address's window, forgets addresses not seen for an hour; never on the answer's path.
 */
export function applyRate(res: Response, rate: RateCount, prune: () => Promise<void>): void {
  res.setHeader('RateLimit-Limit', LOOKUP_LIMIT_PER_MINUTE);
  res.setHeader('RateLimit-Remaining', Math.max(0, LOOKUP_LIMIT_PER_MINUTE - rate.count));
  res.setHeader('RateLimit-Reset', Math.max(1, rate.reset));
  if (rate.count === 1 && Math.random() < 0.01) void prune();
  if (rate.count > LOOKUP_LIMIT_PER_MINUTE) {
    res.setHeader('Retry-After', Math.max(1, rate.reset));
    throw Problem.tooManyRequests('lookup.tooMany');
  }
}

/** The limit as a guard, for the lookup page (the API counts it in the lookup's own statement: see LookupService). */
@Injectable()
export class LookupRateGuard implements CanActivate {
  private readonly log = new Logger(LookupRateGuard.name);

  constructor(private readonly db: DataSource) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const req = ctx.switchToHttp().getRequest<Request>();
    const res = ctx.switchToHttp().getResponse<Response>();
    const [rate] = (await this.db.query(`WITH ${RATE_CTE} SELECT count, reset FROM rate`, [rateAddress(req)])) as RateCount[];
    applyRate(res, rate, () => this.prune());
    return true;
  }

  async prune(): Promise<void> {
    try {
      await this.db.query(`DELETE FROM lookup_rate WHERE window_start < now() - interval '1 hour'`);
    } catch (err) {
      this.log.warn(`pruning lookup_rate failed: ${String(err)}`);
    }
  }
}
