import { Injectable } from '@nestjs/common';
import { isUuid } from '../common/ids.js';
import { DataSource } from 'typeorm';
import { scopeCondition } from '../common/access.js';
import { AccessService } from '../common/access.service.js';
import { pageWindow, type Page } from '../common/pagination.js';
import { Problem } from '../common/problem.js';
import { STAFF_ROLES, type Principal } from '../common/roles.js';
import {
  EVENTS_JSON,
  eventsFromJson,
  FILES_JSON,
  filesFromJson,
  PAYMENT_JSON,
  type PaymentFacts,
  RESULT_JSON,
  type ResultFacts,
} from './dossier-detail-sql.js';
import { dossierColumns, dossierFromRow, prepared } from './dossier-recording.js';
import { DossierEntity, type DossierEventEntity, type DossierFileEntity } from './dossier.entity.js';
import type { DossierStatus } from './lifecycle.js';

export interface DossierFilter {
  status?: DossierStatus;
  procedureCode?: string;
  overdue?: boolean;
  assignee?: 'me';
  q?: string;
  page?: number;
  pageSize?: number;
}

export interface DossierDetail {
  dossier: DossierEntity;
  events: DossierEventEntity[];
  files: DossierFileEntity[];
  agency: { code: string; name: string };
  procedureName: string;
  /** The fee's payment and exemption (see PAYMENT_JSON). */
  payment?: PaymentFacts;
  /** The latest issued result (see RESULT_JSON), null before one. */
  result?: ResultFacts | null;
}

interface DetailRow extends Record<string, unknown> {
  meta_agency_code: string;
  meta_agency_name: string;
  meta_procedure_name: string;
  meta_events: Parameters<typeof eventsFromJson>[0];
  meta_files: Parameters<typeof filesFromJson>[0];
  meta_payment: PaymentFacts;
  meta_result: ResultFacts | null;
}

/** Reading dossiers, always through the access scope: a citizen their own, staff their agencies'. */
@Injectable()
export class DossierQueriesService {
  constructor(
    private readonly db: DataSource,
    private readonly access: AccessService,
  ) {}

  /**
   * The dossier as `user` may see it. `justActed`: the answer to an action the
   * user has just taken, shown even when the action moved the dossier out of
   * their sight (forwarded to another agency).
   */
  async get(user: Principal, id: string, justActed = false): Promise<DossierDetail> {
    // The agency's and the procedure's names, the events, files, payment and result come with the dossier row:
    // one named statement, since every action answers with this.
    const [row] = isUuid(id) ? ((await this.db.query(prepared(this.detailSql()), [id])) as DetailRow[]) : [];
    if (!row) throw Problem.notFound('dossier.notFound');
    const { meta_agency_code, meta_agency_name, meta_procedure_name, meta_events, meta_files, meta_payment, meta_result, ...columns } = row;
    const dossier = dossierFromRow(columns);
    if (dossier.applicantId !== user.id && !justActed) {
      await this.access.assertCanSee(user, { agencyId: dossier.currentAgencyId }, undefined, 'dossier.notFound');
    }
    return {
      dossier,
      events: eventsFromJson(meta_events),
      files: filesFromJson(meta_files),
      agency: { code: meta_agency_code, name: meta_agency_name },
      procedureName: meta_procedure_name,
      payment: meta_payment,
      result: meta_result,
    };
  }

  private detail?: string;

  /** The detail's SQL, written once (the dossier's columns come from the entity's metadata). */
  private detailSql(): string {
    return (this.detail ??= `SELECT ${dossierColumns(this.db.manager, 'd')},
            a.code AS meta_agency_code, a.name AS meta_agency_name, v.definition->'name'->>'vi' AS meta_procedure_name,
            ${EVENTS_JSON} AS meta_events, ${FILES_JSON} AS meta_files, ${PAYMENT_JSON} AS meta_payment,
            ${RESULT_JSON} AS meta_result
       FROM dossier d JOIN agency a ON a.id = d.agency_id JOIN procedure_version v ON v.id = d.procedure_version_id
      WHERE d.id = $1`);
  }

  /** A citizen's own dossiers; staff see the dossiers now at their agencies (not the drafts of citizens). */
  async list(user: Principal, filter: DossierFilter): Promise<Page<DossierEntity>> {
    const { page, pageSize, skip } = pageWindow(filter);
    const qb = this.db.getRepository(DossierEntity).createQueryBuilder('d');
    const staff = user.roles.some((r) => STAFF_ROLES.includes(r) || r === 'ADMIN');
    if (staff) {
      const scope = scopeCondition(await this.access.scopeFor(user), { agency: 'd.current_agency_id', owner: 'd.applicant_id' });
      qb.where(scope.sql, scope.params).andWhere(`d.status <> 'DRAFT'`);
    } else {
      qb.where('d.applicant_id = :me', { me: user.id });
    }
    if (filter.status) qb.andWhere('d.status = :status', { status: filter.status });
    if (filter.procedureCode) qb.andWhere('d.procedure_code = :pc', { pc: filter.procedureCode });
    if (filter.assignee === 'me') qb.andWhere('d.assignee_id = :me2', { me2: user.id });
    if (filter.overdue) {
      // Overdue on any local date after the due date, while the clock runs.
      qb.andWhere(
        `d.status IN ('IN_PROGRESS', 'AWAITING_APPROVAL') AND (d.due_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date < (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`,
      );
    }
    if (filter.q) qb.andWhere(`(d.code ILIKE :q OR d.procedure_code ILIKE :q)`, { q: `%${filter.q.replace(/[\\%_]/g, '\\$&')}%` });
    const [items, total] = await qb.orderBy('d.updated_at', 'DESC').addOrderBy('d.id').skip(skip).take(pageSize).getManyAndCount();
    return { items, total, page, pageSize };
  }
}
