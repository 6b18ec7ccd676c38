import { Injectable } from '@nestjs/common';
import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { audit } from '../../audit/audit.js';
import { hashPassword } from '../../auth/password.js';
import type { WorkCalendar } from '../../calendar/working-time.js';
import { uniqueViolation } from '../../common/db-errors.js';
import { Problem, type FieldError } from '../../common/problem.js';
import type { Principal } from '../../common/roles.js';
import { nextDossierCode } from '../dossier-code.js';
import { DossierContextService } from '../dossier-context.service.js';
import { parseImportRequest, type ImportDossier } from './import-request.js';
import {
  findByCodes,
  findOrCreateApplicants,
  insertImported,
  loadAgencies,
  loadProcedures,
  reserveCode,
  type ImportAgency,
  type ImportProcedure,
} from './import-store.js';
import { replay, type ReplayedEvent, type ReplayedState } from './replay.js';

/** One dossier of the answer, in the order given (API.md), plus its id and whether this request created it. */
export interface ImportedDossier {
  id: string;
  code: string;
  created: boolean;
  status: string;
  receivedAt: string | null;
  clockStart: string | null;
  dueAt: string | null;
  completedAt: string | null;
  outcome: string | null;
}

/** A dossier of the batch that passed every check: what to write if its code is new. */
interface Planned {
  input: ImportDossier;
  procedure: ImportProcedure;
  agency: ImportAgency;
  state: ReplayedState;
  events: ReplayedEvent[];
}

/**
 * `POST /admin/dossiers/import`. All or nothing: the whole batch is checked
 * first (shape, then references, then each dossier's events replayed through
 * the live engine), and only a batch without a single problem is written, in
 * one transaction. A dossier whose code is already stored (by an earlier
 * import) is not touched: the answer gives it as stored.
 */
@Injectable()
export class DossierImportService {
  constructor(
    private readonly db: DataSource,
    private readonly context: DossierContextService,
  ) {}

  async import(body: unknown, admin: Principal, ip?: string): Promise<{ dossiers: ImportedDossier[] }> {
    const parsed = parseImportRequest(body);
    if (!parsed.ok) throw Problem.validation(parsed.errors);
    const planned = await this.plan(parsed.dossiers, await this.context.calendar(), new Date());
    // Two imports of the same new code at once: the loser's insert hits the unique code and rolls
    // back whole; tried again, it finds the winner's dossier and answers it as stored.
    for (let attempt = 0; ; attempt++) {
      try {
        return { dossiers: await this.db.transaction((tx) => this.write(tx, planned, admin, ip)) };
      } catch (err) {
        if (attempt < 2 && uniqueViolation(err) === 'dossier_code_key') continue;
        throw err;
      }
    }
  }

  /** Every problem of the batch at once, or the plan. Reads only reference data. */
  private async plan(dossiers: ImportDossier[], calendar: WorkCalendar, now: Date): Promise<Planned[]> {
    const manager = this.db.manager;
    const [procedures, agencies] = await Promise.all([
      loadProcedures(manager, [...new Set(dossiers.map((d) => d.procedureCode))]),
      loadAgencies(manager, [...new Set(dossiers.map((d) => d.agencyCode))]),
    ]);
    const errors: FieldError[] = [];
    const planned: Planned[] = [];
    dossiers.forEach((input, i) => {
      const at = (path: string) => `dossiers[${i}].${path}`;
      const procedure = procedures.get(input.procedureCode);
      const agency = agencies.get(input.agencyCode);
      if (!procedure) errors.push({ path: at('procedureCode'), code: 'procedure.notFound' });
      if (!agency) errors.push({ path: at('agencyCode'), code: 'agency.notFound' });
      // The same rule as a live filing: the agency must be one that serves the procedure.
      else if (procedure && !procedure.definition.agencyCodes.includes(agency.code))
        errors.push({ path: at('agencyCode'), code: 'dossier.agencyNotServing' });
      if (!procedure || !agency) return;
      const result = replay({
        channel: input.channel,
        events: input.events,
        definition: procedure.definition,
        calendar,
        now,
        agencyId: agency.id,
      });
      if (!result.ok) errors.push(...result.errors.map((e) => ({ ...e, path: at(e.path) })));
      else planned.push({ input, procedure, agency, state: result.state, events: result.events });
    });
    if (errors.length > 0) throw Problem.validation(errors);
    return planned;
  }

  private async write(tx: EntityManager, planned: Planned[], admin: Principal, ip?: string): Promise<ImportedDossier[]> {
    const stored = await findByCodes(
      tx,
      planned.flatMap((p) => (p.input.code ? [p.input.code] : [])),
    );
    const taken = planned.flatMap((p, i) =>
      p.input.code && stored.get(p.input.code)?.imported === false
        ? [{ path: `dossiers[${i}].code`, code: 'import.codeTaken', message: CODE_TAKEN }]
        : [],
    );
    if (taken.length > 0) throw Problem.validation(taken);

    const fresh = planned.filter((p) => !p.input.code || !stored.has(p.input.code));
    let hash: Promise<string> | undefined;
    const applicants = await findOrCreateApplicants(
      tx,
      fresh.map((p) => p.input.applicant),
      () => (hash ??= hashPassword(randomBytes(32).toString('base64url'))),
    );
    // Kept codes first, so that the codes generated next start after them.
    for (const p of fresh) if (p.input.code) await reserveCode(tx, p.input.code);
    const codes = await this.generateCodes(tx, fresh);

    const created = new Map<Planned, { id: string; code: string }>();
    const importedAt = new Date().toISOString();
    for (const p of fresh) {
      const code = p.input.code ?? codes.get(p)!;
      const id = await insertImported(tx, {
        code,
        procedure: p.procedure,
        agency: p.agency,
        applicantId: applicants.ids.get(p.input.applicant.citizenId)!,
        channel: p.input.channel,
        formData: p.input.formData ?? {},
        feeAmount: p.input.fee?.amount ?? p.procedure.definition.fee.amount,
        state: p.state,
        events: p.events,
        extra: extraOf(p.input, admin, importedAt),
      });
      created.set(p, { id, code });
    }
    await audit(tx, {
      actorId: admin.id,
      action: 'dossier.imported',
      targetType: 'dossier_import',
      targetId: randomUUID(),
      detail: {
        created: [...created.values()].map((c) => c.code),
        alreadyStored: planned.length - created.size,
        applicantsCreated: applicants.created,
      },
      ip,
    });

    return planned.map((p) => {
      const mine = created.get(p);
      if (mine) return answer(mine.id, mine.code, true, p.state);
      const s = stored.get(p.input.code!)!;
      return answer(s.id, s.code, false, s);
    });
  }

  /**
   * Codes for dossiers that came without one: from the reception date (the
   * submission date if never received) and the agency's daily counter, as a
   * live reception would, taken in the order of those instants so that a
   * day's numbers follow its receptions.
   */
  private async generateCodes(tx: EntityManager, fresh: Planned[]): Promise<Map<Planned, string>> {
    const dayOf = (p: Planned) => p.state.receivedAt ?? p.events[0].at;
    const codes = new Map<Planned, string>();
    const needing = fresh.filter((p) => !p.input.code).sort((a, b) => dayOf(a).getTime() - dayOf(b).getTime());
    for (const p of needing) codes.set(p, await nextDossierCode(tx, p.agency, dayOf(p)));
    return codes;
  }
}

const CODE_TAKEN = {
  vi: 'Mã hồ sơ này đã thuộc về một hồ sơ nộp trên cổng, không phải hồ sơ chuyển đổi.',
  en: 'This code belongs to a dossier filed on the portal, not to an imported one.',
};

/** What the old system knew that has no table of its own yet (see the migration). */
function extraOf(d: ImportDossier, admin: Principal, importedAt: string): Record<string, unknown> {
  return {
    importedAt,
    importedBy: admin.id,
    fee: d.fee ? { amount: d.fee.amount, currency: 'VND' } : null,
    paidOnline: d.paidOnline ?? null,
    rating: d.rating ? { score: d.rating.score, comment: d.rating.comment ?? null, at: d.rating.at?.toISOString() ?? null } : null,
  };
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

function answer(
  id: string,
  code: string,
  created: boolean,
  s: Pick<ReplayedState, 'status' | 'receivedAt' | 'clockStart' | 'dueAt' | 'completedAt' | 'outcome'>,
): ImportedDossier {
  return {
    id,
    code,
    created,
    status: s.status,
    receivedAt: iso(s.receivedAt),
    clockStart: iso(s.clockStart),
    dueAt: iso(s.dueAt),
    completedAt: iso(s.completedAt),
    outcome: s.outcome,
  };
}
