import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { canSee, scopeFor, type AccessScope, type ScopedRecord } from './access.js';
import type { MessageKey } from '../i18n/messages.js';
import { Problem } from './problem.js';
import type { Principal } from './roles.js';

/** Loads what `scopeFor` needs from the agency tree and enforces it. */
@Injectable()
export class AccessService {
  constructor(private readonly db: DataSource) {}

  /** `manager`: inside a transaction, its own (a second pool connection may never come: see CalendarService.calendar). */
  async scopeFor(user: Principal, manager: EntityManager = this.db.manager): Promise<AccessScope> {
    const below =
      user.agency?.level === 'PROVINCE'
        ? ((await manager.query(
            `WITH RECURSIVE tree AS (
               SELECT id FROM agency WHERE parent_id = $1
               UNION ALL SELECT a.id FROM agency a JOIN tree t ON a.parent_id = t.id)
             SELECT id FROM tree`,
            [user.agency.id],
          )) as { id: string }[])
        : [];
    return scopeFor(
      user,
      below.map((r) => r.id),
    );
  }

  /**
   * A record the user may not see is answered exactly as a missing one
   * (`notFound`, the caller's own not-found code), so its existence is not revealed.
   */
  async assertCanSee(user: Principal, record: ScopedRecord, manager?: EntityManager, notFound: MessageKey = 'error.404'): Promise<void> {
    if (!canSee(await this.scopeFor(user, manager), record)) throw Problem.notFound(notFound);
  }
}
