import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Problem } from '../common/problem.js';
import { DossierCommandsService } from '../dossiers/dossier-commands.service.js';

export interface SupplementTimeoutsResult {
  stopped: string[];
  /** Changed meanwhile (answered, withdrawn): left as they are. */
  skipped: number;
}

/**
 * A supplement not answered by its deadline stops the dossier (Decree
 * 118/2025: "dừng xử lý"; the stop notice, Form 05, follows the event): during
 * processing (SUPPLEMENT_REQUESTED) and at reception (RECEPTION_SUPPLEMENT)
 * alike. Through `act`, so the event and the citizen's notification are
 * written as for any other change. Idempotent: a stopped dossier has no
 * deadline any more, and the version check makes a dossier answered meanwhile
 * a conflict that is skipped.
 */
@Injectable()
export class SupplementTimeoutsJob {
  static readonly NAME = 'dossiers-supplement-timeouts';
  private readonly log = new Logger('SupplementTimeoutsJob');

  constructor(
    private readonly db: DataSource,
    private readonly commands: DossierCommandsService,
  ) {}

  async runOnce(now = new Date(), limit = 500): Promise<SupplementTimeoutsResult> {
    const due = (await this.db.query(
      `SELECT id, version FROM dossier
        WHERE status IN ('SUPPLEMENT_REQUESTED', 'RECEPTION_SUPPLEMENT') AND supplement_due_at < $1
        ORDER BY supplement_due_at LIMIT $2`,
      [now, limit],
    )) as { id: string; version: number }[];
    const result: SupplementTimeoutsResult = { stopped: [], skipped: 0 };
    for (const d of due) {
      try {
        await this.commands.act('SYSTEM', d.id, 'stop', { version: d.version });
        result.stopped.push(d.id);
      } catch (err) {
        if (!(err instanceof Problem && err.status === 409)) throw err;
        result.skipped += 1;
      }
    }
    if (result.stopped.length > 0) this.log.log(`stopped ${result.stopped.length} dossier(s) past their supplement deadline`);
    return result;
  }
}
