import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { afterFailure, MAX_ATTEMPTS } from './backoff.js';

export interface OutboxRow {
  id: string;
  kind: string;
  payload: unknown;
  /** Failed attempts so far. */
  attempts: number;
}

/**
 * Carries out one outbox row inside the transaction that will mark it
 * processed. Whatever it writes with `tx` commits together with
 * `processed_at`; if it throws, its writes are rolled back and the row is
 * retried later.
 */
export type OutboxHandler = (row: OutboxRow, tx: EntityManager) => Promise<void>;

/** A row that can never succeed (a malformed payload, a user that does not exist): given up at once, not retried. */
export class PermanentOutboxError extends Error {
  override name = 'PermanentOutboxError';
}

export interface DispatchResult {
  processed: number;
  failed: number;
}

/**
 * Delivers the outbox: the side effects that state changes wrote in their
 * own transaction (ARCHITECTURE.md), run after they committed.
 *
 * Each row is handled in its own transaction, which claims it with
 * `FOR UPDATE SKIP LOCKED`: any number of dispatchers (replicas, workers, a
 * test calling `runOnce` twice at once) take different rows and never the
 * same one. The lock is held while the handler works, so the row cannot be
 * taken twice while its mail is on its way.
 *
 * Guarantee: a handler's external effect (the email) happens before the
 * commit that records it; a crash or a failed commit in between sends it
 * again on the next try: at least once, never lost. Its database writes
 * (the in-app notification) commit with `processed_at`: exactly once.
 *
 * A failure rolls back to a savepoint, so the failed row's `attempts`,
 * `last_error` and `next_attempt_at` (exponential backoff, backoff.ts) are
 * recorded under the same lock. Rows of kinds with no handler here are left
 * for whoever handles them.
 */
@Injectable()
export class OutboxDispatcher {
  private readonly log = new Logger('OutboxDispatcher');
  private readonly handlers = new Map<string, OutboxHandler>();

  constructor(private readonly db: DataSource) {}

  /** One handler per outbox `kind`. */
  register(kind: string, handler: OutboxHandler): void {
    if (this.handlers.has(kind)) throw new Error(`outbox kind ${kind} already has a handler`);
    this.handlers.set(kind, handler);
  }

  /**
   * Handles every row due at `now` (up to `limit`), one after another, and
   * returns what happened. `now` decides which rows are due and when failed
   * ones are tried again, so tests can move time on without waiting.
   */
  async runOnce({ now = new Date(), limit = 200 }: { now?: Date; limit?: number } = {}): Promise<DispatchResult> {
    const result: DispatchResult = { processed: 0, failed: 0 };
    while (result.processed + result.failed < limit) {
      const outcome = await this.dispatchNext(now);
      if (outcome === 'none') break;
      result[outcome] += 1;
    }
    return result;
  }

  private dispatchNext(now: Date): Promise<'processed' | 'failed' | 'none'> {
    const kinds = [...this.handlers.keys()];
    if (kinds.length === 0) return Promise.resolve('none');
    return this.db.transaction(async (tx) => {
      const [row] = (await tx.query(
        `SELECT id::text AS id, kind, payload, attempts FROM outbox
          WHERE processed_at IS NULL AND attempts < $1 AND next_attempt_at <= $2 AND kind = ANY($3)
          ORDER BY next_attempt_at, id
          LIMIT 1
          FOR UPDATE SKIP LOCKED`,
        [MAX_ATTEMPTS, now, kinds],
      )) as OutboxRow[];
      if (!row) return 'none';
      await tx.query('SAVEPOINT outbox_row');
      try {
        await this.handlers.get(row.kind)!(row, tx);
        await tx.query('RELEASE SAVEPOINT outbox_row');
        await tx.query(`UPDATE outbox SET processed_at = now(), last_error = NULL WHERE id = $1`, [row.id]);
        return 'processed';
      } catch (err) {
        await tx.query('ROLLBACK TO SAVEPOINT outbox_row');
        const retry =
          err instanceof PermanentOutboxError ? { attempts: MAX_ATTEMPTS, nextAttemptAt: null } : afterFailure(row.attempts, now);
        const message = describe(err);
        await tx.query(`UPDATE outbox SET attempts = $2, last_error = $3, next_attempt_at = coalesce($4, next_attempt_at) WHERE id = $1`, [
          row.id,
          retry.attempts,
          message,
          retry.nextAttemptAt,
        ]);
        const what = `outbox row ${row.id} (${row.kind}) failed, attempt ${retry.attempts}: ${message}`;
        if (retry.nextAttemptAt) this.log.warn(`${what}; next try at ${retry.nextAttemptAt.toISOString()}`);
        else this.log.error(`${what}; given up, left unprocessed for inspection`);
        return 'failed';
      }
    });
  }
}

/** A short, one-line error for `last_error`. */
function describe(err: unknown): string {
  const text = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return text.replace(/\s+/g, ' ').slice(0, 1000);
}
