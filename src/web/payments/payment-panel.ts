/**
 * The fee as the citizen's and the staff's dossier pages show it: its status,
 * what can be done now (pay, record cash, exempt) and the e-receipt. Pure.
 */
import { paymentOfDossier } from '../../dossiers/dossier-detail-sql.js';
import type { DossierDetail } from '../../dossiers/dossier-queries.service.js';
import { FINAL } from '../../dossiers/lifecycle.js';
import { t, type Lang } from '../../i18n/i18n.js';
import { formatFee } from '../procedures/format.js';

export type FeeStatus = 'UNPAID' | 'PENDING' | 'PAID' | 'FAILED' | 'EXPIRED' | 'REFUNDED' | 'EXEMPT';

const TONE: Record<FeeStatus, string> = {
  UNPAID: 'action',
  PENDING: 'progress',
  PAID: 'done',
  FAILED: 'refused',
  EXPIRED: 'action',
  REFUNDED: 'closed',
  EXEMPT: 'done',
};

export const receiptHref = (paymentId: string) => `/payments/${paymentId}/e-receipt.pdf`;

function facts(detail: Pick<DossierDetail, 'dossier' | 'payment'>) {
  const p = paymentOfDossier(detail.dossier.feeAmount, detail.payment);
  if (!p) return null;
  const status = p.status as FeeStatus;
  const settled = status === 'PAID' || status === 'EXEMPT' || status === 'REFUNDED';
  return { p, status, settled, open: !FINAL.has(detail.dossier.status) };
}

/** Whether a fee due before the result is still to be paid (the result's download is refused until then). */
export function feeBlocksResult(detail: Pick<DossierDetail, 'dossier' | 'payment'>): boolean {
  const f = facts(detail);
  return detail.dossier.feePayWhen === 'BEFORE_RESULT' && f !== null && !f.settled;
}

/** The citizen's view; null when there is no fee. */
export function citizenPaymentPanel(detail: Pick<DossierDetail, 'dossier' | 'payment'>, lang: Lang) {
  const f = facts(detail);
  if (!f) return null;
  const { p, status, settled, open } = f;
  return {
    amount: formatFee(p.amount, lang),
    payWhen: t(lang, `payment.payWhen.${detail.dossier.feePayWhen}`),
    status: { label: t(lang, `payment.status.${status}`), tone: TONE[status] },
    exemption: p.exemption ? p.exemption.category : null,
    // Paying is the citizen's own step online; at the counter they pay in cash.
    payAction: !settled && open && detail.dossier.channel === 'ONLINE' ? `/dossiers/${detail.dossier.id}/pay` : null,
    pending: status === 'PENDING',
    receiptHref: p.paymentId && p.receiptNo !== null ? receiptHref(p.paymentId) : null,
    receipt: p.receiptNo !== null ? `${p.receiptSeries} ${String(p.receiptNo).padStart(7, '0')}` : null,
  };
}

/** The staff's view: the same facts, and the counter's page when there is still something to record. */
export function staffPaymentPanel(detail: Pick<DossierDetail, 'dossier' | 'payment'>, lang: Lang) {
  const view = citizenPaymentPanel(detail, lang);
  const f = facts(detail);
  if (!view || !f) return null;
  return {
    ...view,
    payAction: null,
    counterHref: !f.settled && f.open ? `/workspace/dossiers/${detail.dossier.id}/fee` : null,
  };
}
