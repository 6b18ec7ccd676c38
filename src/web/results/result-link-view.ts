import { t, type Lang } from '../../i18n/i18n.js';
import type { DossierDetail } from '../../dossiers/dossier-queries.service.js';
import { formatLocalDateTime } from '../dossiers/local-time.js';

/**
 * The result block of a dossier's page (citizen or staff): number, date,
 * state, the download and the verification page; null before a result.
 * A leader of the issuing agency also gets the form to revoke or replace it;
 * the citizen, while a fee due before the result is unpaid, the way to pay it.
 */
export function resultLinkView(
  detail: Pick<DossierDetail, 'dossier' | 'result'>,
  lang: Lang,
  options: { canChange?: boolean; feeFirst?: boolean } = {},
) {
  const r = detail.result;
  if (!r) return null;
  const id = detail.dossier.id;
  return {
    documentNo: r.documentNo,
    issuedAt: formatLocalDateTime(new Date(r.issuedAt)),
    status: t(lang, `results.status.${r.status}`),
    inForce: r.status === 'ISSUED',
    // The citizen's first download hands the result over (the dossier is returned).
    returns: detail.dossier.status === 'RESULT_READY',
    downloadHref: `/dossiers/${id}/result.pdf`,
    // A fee due before the result: the download would only be refused, so the page points to the fee instead.
    feeFirst: options.feeFirst ?? false,
    verifyHref: `/verify/${encodeURIComponent(r.verifyToken)}`,
    change: options.canChange && r.status === 'ISSUED' ? { action: `/workspace/results/${r.id}/status`, dossierId: id } : null,
  };
}
