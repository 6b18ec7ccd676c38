import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { CalendarService } from '../calendar/calendar.service.js';
import { localDateOf } from '../calendar/working-time.js';
import { PROFILE_FACTS, type ProcedureDefinition } from '../procedures/forms/definition.js';
import type { AgencyRef } from '../procedures/forms/validate-submission.js';
import type { DossierEntity } from './dossier.entity.js';

/**
 * What the rules need around a dossier, loaded once per use: its frozen
 * procedure version, the agency tree for addresses, what the applicant's own
 * data can replace, the calendar.
 */
@Injectable()
export class DossierContextService {
  /** Published versions never change, so their definitions are cached for the life of the process. */
  private readonly definitions = new Map<string, Promise<ProcedureDefinition>>();

  constructor(
    private readonly db: DataSource,
    private readonly calendars: CalendarService,
  ) {}

  definition(versionId: string): Promise<ProcedureDefinition> {
    let def = this.definitions.get(versionId);
    if (!def) {
      def = this.db
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

  calendar() {
    return this.calendars.calendar();
  }

  async agencies(tx: EntityManager = this.db.manager): Promise<AgencyRef[]> {
    return (await tx.query(
      `SELECT a.code, a.level, p.code AS "parentCode" FROM agency a LEFT JOIN agency p ON p.id = a.parent_id`,
    )) as AgencyRef[];
  }

  /** The applicant's facts the portal holds (from the national population data, via the citizen ID) and results issued to them. */
  async applicantData(tx: EntityManager, dossier: Pick<DossierEntity, 'applicantId'>) {
    const [user] = (await tx.query(`SELECT citizen_id AS "citizenId" FROM app_user WHERE id = $1`, [dossier.applicantId])) as {
      citizenId: string | null;
    }[];
    const results = (await tx.query(
      `SELECT DISTINCT procedure_code AS code FROM dossier WHERE applicant_id = $1 AND status IN ('RESULT_READY', 'RETURNED')`,
      [dossier.applicantId],
    )) as { code: string }[];
    return {
      profileFacts: new Set<string>(user?.citizenId ? PROFILE_FACTS : ['fullName']),
      heldResults: new Set(results.map((r) => r.code)),
    };
  }

  today(now: Date): string {
    return localDateOf(now);
  }
}
