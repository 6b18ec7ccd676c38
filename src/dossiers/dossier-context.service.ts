import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { CalendarService } from '../calendar/calendar.service.js';
import { localDateOf } from '../calendar/working-time.js';
import { PROFILE_FACTS, resultProcedureOf, type ProcedureDefinition } from '../procedures/forms/definition.js';
import type { AgencyRef } from '../procedures/forms/validate-submission.js';
import type { DossierEntity } from './dossier.entity.js';

/** One shared empty list: the validator caches its index per list object. */
const NO_AGENCIES: AgencyRef[] = [];

/**
 * What the rules need around a dossier, loaded once per use: its frozen
 * procedure version, the agency tree for addresses, what the applicant's own
 * data can replace, the calendar.
 */
@Injectable()
export class DossierContextService {
  /** Published versions never change, so their definitions are cached for the life of the process. */
  private readonly definitions = new Map<string, Promise<ProcedureDefinition>>();
  private readonly agencyRefs = new Map<string, Promise<{ id: string; code: string }>>();

  constructor(
    private readonly db: DataSource,
    private readonly calendars: CalendarService,
  ) {}

  /**
   * A caller inside a transaction passes `tx`: a cold load then runs on the
   * transaction's own connection. Loading through the pool instead deadlocks
   * under load: every pooled connection held by a transaction waiting for
   * the one query that cannot get a connection.
   */
  definition(versionId: string, tx: EntityManager = this.db.manager): Promise<ProcedureDefinition> {
    let def = this.definitions.get(versionId);
    if (!def) {
      def = tx
        .query(`SELECT definition FROM procedure_version WHERE id = $1 AND status = 'PUBLISHED'`, [versionId])
        .then((rows: { definition: ProcedureDefinition }[]) => {
          if (!rows[0]) throw new Error(`procedure version ${versionId} is not published`);
          return rows[0].definition;
        });
      def.catch(() => this.definitions.delete(versionId));
      this.definitions.set(versionId, def);
    }
    return def;
  }

  calendar(tx?: EntityManager) {
    return this.calendars.calendar(tx);
  }

  /**
   * The agency tree as the form validator needs it, or nothing when the form
   * has no address field (the only one that reads it): one query fewer on
   * every submission of such a form.
   */
  agenciesFor(tx: EntityManager, definition: ProcedureDefinition): Promise<AgencyRef[]> {
    return definition.form.fields.some((f) => f.type === 'address') ? this.agencies(tx) : Promise.resolve(NO_AGENCIES);
  }

  /** Agency codes are stable (DOMAIN.md): an agency's code, by id, is cached for the life of the process. */
  agencyRef(id: string, tx: EntityManager = this.db.manager): Promise<{ id: string; code: string }> {
    let ref = this.agencyRefs.get(id);
    if (!ref) {
      ref = tx.query(`SELECT id, code FROM agency WHERE id = $1`, [id]).then((rows: { id: string; code: string }[]) => {
        if (!rows[0]) throw new Error(`agency ${id} does not exist`);
        return rows[0];
      });
      ref.catch(() => this.agencyRefs.delete(id));
      this.agencyRefs.set(id, ref);
    }
    return ref;
  }

  async agencies(tx: EntityManager = this.db.manager): Promise<AgencyRef[]> {
    return (await tx.query(
      `SELECT a.code, a.level, p.code AS "parentCode" FROM agency a LEFT JOIN agency p ON p.id = a.parent_id`,
    )) as AgencyRef[];
  }

  /**
   * The applicant's facts the portal holds (from the national population data, via the citizen ID) and results issued to them.
   * With `definition`, the results are read only when one of its components can be replaced by a result.
   */
  async applicantData(
    tx: EntityManager,
    dossier: Pick<DossierEntity, 'applicantId'>,
    definition?: ProcedureDefinition,
    // The applicant acting: their citizen ID comes with the principal, no query for it.
    known?: { citizenId: string | null },
  ) {
    const [user] = known
      ? [known]
      : ((await tx.query(`SELECT citizen_id AS "citizenId" FROM app_user WHERE id = $1`, [dossier.applicantId])) as {
          citizenId: string | null;
        }[]);
    const needsResults = !definition || definition.components.some((c) => resultProcedureOf(c) !== null);
    const results = needsResults
      ? ((await tx.query(
          // The results in force in the citizen's wallet (a revoked or replaced one no longer stands in for anything).
          `SELECT DISTINCT procedure_code AS code FROM result_document WHERE holder_id = $1 AND status = 'ISSUED'`,
          [dossier.applicantId],
        )) as { code: string }[])
      : [];
    return {
      profileFacts: new Set<string>(user?.citizenId ? PROFILE_FACTS : ['fullName']),
      heldResults: new Set(results.map((r) => r.code)),
    };
  }

  today(now: Date): string {
    return localDateOf(now);
  }
}
