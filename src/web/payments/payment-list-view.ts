/** The managers' payments page: filters kept as chosen, the rows, the pager, the CSV link. Pure. */
import type { Page } from '../../common/pagination.js';
import { t, type Lang } from '../../i18n/i18n.js';
import { parseBound, type PaymentListItem } from '../../payments/payments-report.js';
import { PAYMENT_CHANNELS, PAYMENT_STATUSES } from '../../payments/payment-state.js';
import { localized } from '../../procedures/forms/definition.js';
import { formatLocalDateTime } from '../dossiers/local-time.js';
import { codeLabel } from '../dossiers/status-view.js';
import { formatFee } from '../procedures/format.js';

export const PAYMENT_LIST_PAGE_SIZE = 50;

/**
 * The form's "to" date counts its whole day, as on the dashboard: the exclusive bound
 * is the next local midnight (Vietnam has no daylight saving). An instant is kept as given.
 */
export function throughDay(to: string | undefined): Date | undefined {
  const at = parseBound(to);
  return at && /^\d{4}-\d{2}-\d{2}$/.test(to!) ? new Date(at.getTime() + 86_400_000) : at;
}

export interface ListFilters {
  status?: string;
  channel?: string;
  procedureCode?: string;
  from?: string;
  to?: string;
}

export function paymentListView(found: Page<PaymentListItem>, f: ListFilters, lang: Lang) {
  const query = new URLSearchParams(
    Object.entries(f).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== '' && e[0] !== 'page'),
  );
  const pages = Math.max(1, Math.ceil(found.total / found.pageSize));
  const pageHref = (page: number) => `/payments?${new URLSearchParams([...query, ['page', String(page)]]).toString()}`;
  const options = (values: readonly string[], chosen: string | undefined, prefix: string) => [
    { value: '', label: t(lang, 'payment.list.all'), selected: !chosen },
    ...values.map((v) => ({ value: v, label: t(lang, `${prefix}.${v}`), selected: v === chosen })),
  ];
  return {
    title: t(lang, 'payment.list.title'),
    statuses: options(PAYMENT_STATUSES, f.status, 'payment.status'),
    channels: options(PAYMENT_CHANNELS, f.channel, 'payment.channel'),
    procedureCode: f.procedureCode ?? '',
    from: f.from ?? '',
    to: f.to ?? '',
    csvHref: `/payments/export.csv${query.size ? `?${query.toString()}` : ''}`,
    caption: t(lang, 'payment.list.caption', { count: found.total }),
    rows: found.items.map((p) => ({
      when: formatLocalDateTime(new Date(p.paidAt ?? p.createdAt)),
      // Before reception a dossier has no code: say where it stands, and which procedure it is for.
      dossier: codeLabel({ code: p.dossierCode, status: p.dossierStatus }, lang),
      procedure: p.dossierCode ? null : localized(p.procedureName, lang) || p.procedureCode,
      // The dossier's read-only page, as from the dashboard (a citizen's draft is no one's to see: no link).
      dossierHref: p.dossierStatus === 'DRAFT' ? null : `/dashboard/dossiers/${p.dossierId}`,
      payer: p.payerName,
      amount: formatFee(p.amount, lang),
      status: t(lang, `payment.status.${p.status}`),
      channel: t(lang, `payment.channel.${p.channel}`),
      receipt: p.receipt,
      receiptHref: p.receipt ? `/payments/${p.id}/e-receipt.pdf` : null,
    })),
    page: found.page,
    pages,
    pageLabel: t(lang, 'payment.list.page', { page: found.page, pages }),
    previousHref: found.page > 1 ? pageHref(found.page - 1) : null,
    nextHref: found.page < pages ? pageHref(found.page + 1) : null,
  };
}
