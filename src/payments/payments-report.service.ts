import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { scopeCondition } from '../common/access.js';
import { AccessService } from '../common/access.service.js';
import { pageWindow, type Page } from '../common/pagination.js';
import type { Principal } from '../common/roles.js';
import type { PaymentListItem } from './payments-report.js';

export interface PaymentFilter {
  status?: string;
  channel?: string;
  procedureCode?: string;
  /** Paid (else started) in [from, to). */
  from?: Date;
  to?: Date;
  page?: number;
  pageSize?: number;
}

/** Payments of the agencies a manager oversees (their own and, at the province, those below), newest first. */
@Injectable()
export class PaymentsReportService {
  constructor(
    private readonly db: DataSource,
    private readonly access: AccessService,
  ) {}

  async list(user: Principal, filter: PaymentFilter, all = false): Promise<Page<PaymentListItem>> {
    const { page, pageSize, skip } = pageWindow(filter);
    const scope = scopeCondition(await this.access.scopeFor(user), { agency: 'p.agency_id' });
    const qb = this.db
      .createQueryBuilder()
      .from('payment', 'p')
      .innerJoin('dossier', 'd', 'd.id = p.dossier_id')
      .innerJoin('procedure_version', 'v', 'v.id = d.procedure_version_id')
      .innerJoin('agency', 'a', 'a.id = p.agency_id')
      .innerJoin('app_user', 'u', 'u.id = d.applicant_id')
      .where(scope.sql, scope.params);
    if (filter.status) qb.andWhere('p.status = :status', { status: filter.status });
    if (filter.channel) qb.andWhere('p.channel = :channel', { channel: filter.channel });
    if (filter.procedureCode) qb.andWhere('d.procedure_code = :pc', { pc: filter.procedureCode });
    if (filter.from) qb.andWhere('coalesce(p.paid_at, p.created_at) >= :from', { from: filter.from });
    if (filter.to) qb.andWhere('coalesce(p.paid_at, p.created_at) < :to', { to: filter.to });
    const total = await qb.clone().select('count(*)::int', 'n').getRawOne<{ n: number }>();
    qb.select([
      'p.id AS id',
      'p.dossier_id AS "dossierId"',
      'd.code AS "dossierCode"',
      'd.status AS "dossierStatus"',
      'd.procedure_code AS "procedureCode"',
      `v.definition->'name' AS "procedureName"`,
      'a.code AS "agencyCode"',
      'u.full_name AS "payerName"',
      'p.status AS status',
      'p.channel AS channel',
      'p.provider AS provider',
      'p.amount::float8 AS amount',
      `CASE WHEN p.receipt_no IS NULL THEN NULL ELSE p.receipt_series || ' ' || lpad(p.receipt_no::text, 7, '0') END AS receipt`,
      'p.created_at AS "createdAt"',
      'p.paid_at AS "paidAt"',
      'p.refunded_at AS "refundedAt"',
    ])
      .orderBy('p.created_at', 'DESC')
      .addOrderBy('p.id');
    if (!all) qb.offset(skip).limit(pageSize);
    const rows = await qb.getRawMany<
      Omit<PaymentListItem, 'createdAt' | 'paidAt' | 'refundedAt'> & Record<'createdAt' | 'paidAt' | 'refundedAt', Date | null>
    >();
    const iso = (d: Date | null) => d?.toISOString() ?? null;
    return {
      items: rows.map((r) => ({ ...r, createdAt: iso(r.createdAt)!, paidAt: iso(r.paidAt), refundedAt: iso(r.refundedAt) })),
      total: total?.n ?? 0,
      page,
      pageSize,
    };
  }
}
