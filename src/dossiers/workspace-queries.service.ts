import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CalendarService } from '../calendar/calendar.service.js';
import { AccessService } from '../common/access.service.js';
import type { AccessScope } from '../common/access.js';
import type { Page } from '../common/pagination.js';
import type { Principal } from '../common/roles.js';
import type { LocalizedText } from '../procedures/forms/definition.js';
import type { DossierStatus } from './lifecycle.js';
import { dueSoonLimit, receptionLimitCutoff, startOfLocalDay } from './workspace-clock.js';
import { QUEUE_DEFS, QUEUES, type Queue, type QueueFilter } from './workspace-queues.js';

export interface QueueQuery {
  queue: Queue;
  filters: readonly QueueFilter[];
  /** Processing queue: one step only. */
  step?: string;
  page: number;
  pageSize: number;
}

/** A row of a queue: what the officer needs to pick the next dossier. */
export interface QueueRow {
  id: string;
  code: string | null;
  procedureCode: string;
  procedureName: LocalizedText;
  applicantName: string;
  status: DossierStatus;
  step: string | null;
  stepName: LocalizedText | null;
  submittedAt: Date | null;
  receivedAt: Date | null;
  dueAt: Date | null;
  rescheduledAt: Date | null;
  stepDueAt: Date | null;
  supplementDueAt: Date | null;
  completedAt: Date | null;
  assigneeId: string | null;
  assigneeName: string | null;
  version: number;
}

export interface QueuePage extends Page<QueueRow> {
  /** How many dossiers wait in each queue (without filters), for the tabs. */
  counts: Record<Queue, number>;
  /** Processing queue: the steps dossiers are at, with their counts. */
  steps: { key: string; name: LocalizedText | null; count: number }[];
}

/**
 * The workspace's queues: the dossiers now at the officer's agencies (the
 * access scope), per status, with the filters of the queue. Every condition
 * compares a column with a parameter, so PostgreSQL can use
 * `dossier_agency_status_idx (current_agency_id, status)` and, for the clock
 * filters, `dossier_due_idx (due_at)`: the calendar work (local midnight, 8
 * working hours ahead or back) is done once here, not per row.
 */
@Injectable()
export class WorkspaceQueriesService {
  constructor(
    private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly calendars: CalendarService,
  ) {}

  async queue(user: Principal, q: QueueQuery, asOf = new Date()): Promise<QueuePage> {
    const scope = await this.access.scopeFor(user);
    const params: unknown[] = [];
    const p = (v: unknown) => `$${params.push(v)}`;
    const where = [scopeSql(scope, p), `d.status = ANY(${p(QUEUE_DEFS[q.queue].statuses)})`];
    if (q.step && q.queue === 'processing') where.push(`d.step = ${p(q.step)}`);
    const calendar = await this.calendars.calendar();
    for (const f of q.filters) {
      switch (f) {
        case 'overdue': // overdue on any local date after the due date
          where.push(`d.due_at < ${p(startOfLocalDay(asOf))}`);
          break;
        case 'dueSoon':
          where.push(`d.due_at >= ${p(startOfLocalDay(asOf))} AND d.due_at <= ${p(dueSoonLimit(calendar, asOf))}`);
          break;
        case 'unassigned':
          where.push('d.assignee_id IS NULL');
          break;
        case 'mine':
          where.push(`d.assignee_id = ${p(user.id)}`);
          break;
        case 'receptionLate':
          where.push(`d.submitted_at < ${p(receptionLimitCutoff(calendar, asOf))}`);
          break;
      }
    }
    const cond = where.join(' AND ');
    const [rows, [{ total }], counts, steps] = await Promise.all([
      // The page is chosen on the dossier table alone (its indexes); only its rows read the procedure's jsonb.
      this.db.query(
        `WITH d AS (
           SELECT * FROM dossier d WHERE ${cond}
            ORDER BY ${QUEUE_DEFS[q.queue].order}
            LIMIT ${p(q.pageSize)} OFFSET ${p((q.page - 1) * q.pageSize)})
         SELECT d.id, d.code, d.procedure_code AS "procedureCode", v.definition->'name' AS "procedureName",
                a.full_name AS "applicantName", d.status, d.step, st.name AS "stepName",
                d.submitted_at AS "submittedAt", d.received_at AS "receivedAt", d.due_at AS "dueAt",
                d.rescheduled_at AS "rescheduledAt", d.step_due_at AS "stepDueAt", d.supplement_due_at AS "supplementDueAt",
                d.completed_at AS "completedAt", d.assignee_id AS "assigneeId", u.full_name AS "assigneeName", d.version
           FROM d
           JOIN procedure_version v ON v.id = d.procedure_version_id
           JOIN app_user a ON a.id = d.applicant_id
           LEFT JOIN app_user u ON u.id = d.assignee_id
           LEFT JOIN LATERAL (${STEP_NAME}) st ON true
          ORDER BY ${QUEUE_DEFS[q.queue].order}`,
        params,
      ) as Promise<QueueRow[]>,
      this.db.query(`SELECT count(*)::int AS total FROM dossier d WHERE ${cond}`, params.slice(0, params.length - 2)) as Promise<
        { total: number }[]
      >,
      this.counts(scope),
      q.queue === 'processing' ? this.steps(scope) : Promise.resolve([]),
    ]);
    return { items: rows, total, page: q.page, pageSize: q.pageSize, counts, steps };
  }

  /** One grouped count over the (agency, status) index for all the tabs. */
  private async counts(scope: AccessScope): Promise<Record<Queue, number>> {
    const params: unknown[] = [];
    const p = (v: unknown) => `$${params.push(v)}`;
    const rows = (await this.db.query(
      `SELECT d.status, count(*)::int AS n FROM dossier d
        WHERE ${scopeSql(scope, p)} AND d.status = ANY(${p(QUEUES.flatMap((q) => QUEUE_DEFS[q].statuses))})
        GROUP BY d.status`,
      params,
    )) as { status: DossierStatus; n: number }[];
    const counts = Object.fromEntries(QUEUES.map((q) => [q, 0])) as Record<Queue, number>;
    for (const r of rows) {
      const queue = QUEUES.find((q) => QUEUE_DEFS[q].statuses.includes(r.status));
      if (queue) counts[queue] += r.n;
    }
    return counts;
  }

  private async steps(scope: AccessScope): Promise<QueuePage['steps']> {
    const params: unknown[] = [];
    const p = (v: unknown) => `$${params.push(v)}`;
    return (await this.db.query(
      // Counted per (step, version) on the dossier table first; each version's jsonb is read once, not per dossier.
      `SELECT g.step AS key, sum(g.n)::int AS count, (array_agg(st.name))[1] AS name
         FROM (SELECT d.step, d.procedure_version_id, count(*) AS n FROM dossier d
                WHERE ${scopeSql(scope, p)} AND d.status = 'IN_PROGRESS' AND d.step IS NOT NULL
                GROUP BY d.step, d.procedure_version_id) g
         JOIN procedure_version v ON v.id = g.procedure_version_id
         LEFT JOIN LATERAL (${STEP_NAME.replace('d.step', 'g.step')}) st ON true
        GROUP BY g.step ORDER BY g.step`,
      params,
    )) as QueuePage['steps'];
  }
}

/** The localized name of the dossier's step, from its frozen procedure version. */
const STEP_NAME = `SELECT s->'name' AS name FROM jsonb_array_elements(v.definition->'workflow'->'steps') s WHERE s->>'key' = d.step LIMIT 1`;

/** The access scope as a condition on `d.current_agency_id` (the dossier is where it is now). */
function scopeSql(scope: AccessScope, p: (v: unknown) => string): string {
  switch (scope.kind) {
    case 'all':
      return 'TRUE';
    case 'agencies':
      return `d.current_agency_id = ANY(${p(scope.agencyIds)}::uuid[])`;
    case 'own':
      return 'FALSE'; // a citizen has no workspace
  }
}
