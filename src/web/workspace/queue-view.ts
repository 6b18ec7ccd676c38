import type { WorkCalendar } from '../../calendar/working-time.js';
import { isOverdue } from '../../calendar/working-time.js';
import { t, type Lang } from '../../i18n/i18n.js';
import type { QueuePage, QueueRow } from '../../dossiers/workspace-queries.service.js';
import { receptionLimitPassed } from '../../dossiers/workspace-clock.js';
import { QUEUE_DEFS, QUEUES, type Queue, type QueueFilter } from '../../dossiers/workspace-queues.js';
import { instant, named } from './workspace-format.js';

export interface QueueParams {
  queue: Queue;
  filters: QueueFilter[];
  step?: string;
  page: number;
}

/** The link to a queue page with these parameters (the filters and step survive paging). */
export function queueHref(p: QueueParams): string {
  const q = new URLSearchParams({ queue: p.queue });
  for (const f of p.filters) q.append('filter', f);
  if (p.step) q.set('step', p.step);
  if (p.page > 1) q.set('page', String(p.page));
  return `/workspace?${q}`;
}

/** One row as the table shows it; the flags are words in tags, never colour alone. */
export function rowView(r: QueueRow, calendar: WorkCalendar, asOf: Date, lang: Lang) {
  const running = r.status === 'IN_PROGRESS' || r.status === 'AWAITING_APPROVAL';
  return {
    href: `/workspace/dossiers/${r.id}`,
    code: r.code ?? t(lang, 'workspace.noCode'),
    procedure: named(r.procedureName, lang, r.procedureCode),
    applicant: r.applicantName,
    received: instant(r.receivedAt ?? r.submittedAt, lang),
    due: instant(r.dueAt, lang),
    rescheduled: instant(r.rescheduledAt, lang),
    overdue: running && r.dueAt !== null && isOverdue(new Date(r.dueAt), asOf),
    receptionLate: r.status === 'SUBMITTED' && r.submittedAt !== null && receptionLimitPassed(calendar, new Date(r.submittedAt), asOf),
    step: r.step ? named(r.stepName, lang, r.step) : null,
    assignee: r.assigneeName,
  };
}

/** The whole queue page: tabs with counts, the filters of this queue, the rows, the pager. */
export function queuePageView(page: QueuePage, p: QueueParams, calendar: WorkCalendar, asOf: Date, lang: Lang) {
  const pages = Math.max(1, Math.ceil(page.total / page.pageSize));
  const title = t(lang, `workspace.queue.${p.queue}`);
  return {
    title: `${title} — ${t(lang, 'workspace.title')}`,
    queueTitle: title,
    queue: p.queue,
    tabs: QUEUES.map((q) => ({
      label: t(lang, `workspace.queue.${q}`),
      count: page.counts[q],
      href: queueHref({ queue: q, filters: [], page: 1 }),
      current: q === p.queue,
    })),
    filters: QUEUE_DEFS[p.queue].filters.map((f) => ({
      value: f,
      label: t(lang, `workspace.filter.${f}`),
      checked: p.filters.includes(f),
    })),
    steps: page.steps.map((s) => ({ value: s.key, label: `${named(s.name, lang, s.key)} (${s.count})`, selected: s.key === p.step })),
    isProcessing: p.queue === 'processing',
    isReception: p.queue === 'reception',
    rows: page.items.map((r) => rowView(r, calendar, asOf, lang)),
    total: page.total,
    pageNumber: page.page,
    pages,
    previous: page.page > 1 ? queueHref({ ...p, page: page.page - 1 }) : null,
    next: page.page < pages ? queueHref({ ...p, page: page.page + 1 }) : null,
  };
}
