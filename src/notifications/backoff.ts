/**
 * When a failed outbox row is tried again. Pure, so the policy is tested on
 * its own: 30 s after the first failure, doubling each time (1 min, 2 min, …),
 * never more than 6 hours; after the 10th failure the row is left alone,
 * unprocessed, with its last error, for a person to look at:
 *   SELECT * FROM outbox WHERE processed_at IS NULL AND attempts >= 10
 * Ten attempts span about 4¼ hours of outage, longer than a mail server's
 * usual maintenance window.
 */
export const BACKOFF_BASE_MS = 30_000;
export const BACKOFF_MAX_MS = 6 * 3_600_000;
export const MAX_ATTEMPTS = 10;

/** The wait after the `attempts`-th failure (1 for the first): 30 s × 2^(attempts − 1), at most 6 h. */
export function backoffDelayMs(attempts: number): number {
  const n = Math.max(1, Math.floor(attempts));
  // 2^(n−1) grows past the cap long before it could overflow; stop early anyway.
  return n > 30 ? BACKOFF_MAX_MS : Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** (n - 1));
}

export interface RetryDecision {
  attempts: number;
  /** Null once the row has used all its attempts (it is kept, unprocessed, for inspection). */
  nextAttemptAt: Date | null;
}

/** What to record after a failure of a row that had failed `previousAttempts` times before. */
export function afterFailure(previousAttempts: number, now: Date): RetryDecision {
  const attempts = previousAttempts + 1;
  if (attempts >= MAX_ATTEMPTS) return { attempts, nextAttemptAt: null };
  return { attempts, nextAttemptAt: new Date(now.getTime() + backoffDelayMs(attempts)) };
}
