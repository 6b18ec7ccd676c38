import { t, type Lang } from '../../i18n/i18n.js';
import type { ResultRecord } from '../../results/result-records.js';
import { formatLocalDate } from '../dossiers/local-time.js';

/** The citizen's wallet: each result with its state, its download and its verification page. */
export function walletView(items: (ResultRecord & { procedureName: string })[], lang: Lang) {
  return {
    title: t(lang, 'results.wallet.title'),
    items: items.map((r) => ({
      title: r.title,
      documentNo: r.documentNo,
      procedure: r.procedureName,
      issuer: r.issuer,
      issuedAt: formatLocalDate(new Date(r.issuedAt)),
      issuedIso: new Date(r.issuedAt).toISOString(),
      status: t(lang, `results.status.${r.status}`),
      inForce: r.status === 'ISSUED',
      downloadHref: `/dossiers/${r.dossierId}/result.pdf`,
      verifyHref: `/verify/${encodeURIComponent(r.verifyToken)}`,
      dossierHref: `/dossiers/${r.dossierId}`,
      dossierCode: r.dossierCode,
    })),
  };
}
