import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Problem } from '../common/problem.js';

/** After this many failures within the window, for one account or one address, sign-in answers 429. */
export const MAX_FAILURES = 5;
export const WINDOW_SECONDS = 60;

/**
 * Counts failed sign-ins in PostgreSQL rather than in memory, so the limit
 * holds across every replica behind the load balancer.
 */
@Injectable()
export class LoginThrottleService {
  constructor(private readonly db: DataSource) {}

  async assertAllowed(username: string, ip: string): Promise<void> {
    const [row] = (await this.db.query(
      `SELECT count(*) FILTER (WHERE username = $1)::int AS by_user, count(*) FILTER (WHERE ip = $2)::int AS by_ip
         FROM login_failure
        WHERE at > now() - make_interval(secs => $3) AND (username = $1 OR ip = $2)`,
      [normalise(username), ip, WINDOW_SECONDS],
    )) as { by_user: number; by_ip: number }[];
    if (row.by_user >= MAX_FAILURES || row.by_ip >= MAX_FAILURES) throw Problem.tooManyRequests('auth.tooManyAttempts');
  }

  async recordFailure(username: string, ip: string): Promise<void> {
    await this.db.query(`INSERT INTO login_failure (username, ip) VALUES ($1, $2)`, [normalise(username), ip]);
    // Rows older than the window only matter for forensics in the logs; keep the table small.
    await this.db.query(`DELETE FROM login_failure WHERE at < now() - interval '1 day'`);
  }
}

function normalise(username: string): string {
  return username.trim().toLowerCase().slice(0, 254);
}
