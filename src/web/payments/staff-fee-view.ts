/** The counter's fee page: take cash, or record an exemption of a category the procedure defines. Pure. */
import type { DossierDetail } from '../../dossiers/dossier-queries.service.js';
import { t, type Lang } from '../../i18n/i18n.js';
import { localized, type ProcedureDefinition } from '../../procedures/forms/definition.js';
import { formatFee } from '../procedures/format.js';
import type { FormState } from '../form.js';
import { staffPaymentPanel } from './payment-panel.js';

export function staffFeeView(detail: DossierDetail, definition: ProcedureDefinition, lang: Lang, failure?: FormState) {
  const d = detail.dossier;
  const panel = staffPaymentPanel(detail, lang);
  const values = failure?.values ?? {};
  const category = typeof values.category === 'string' ? values.category : '';
  const base = `/workspace/dossiers/${d.id}`;
  return {
    title: `${t(lang, 'payment.counter.title')} — ${d.code ?? detail.procedureName}`,
    code: d.code,
    procedureName: detail.procedureName,
    panel,
    open: !!panel?.counterHref,
    cashHint: t(lang, 'payment.counter.cashHint', { amount: formatFee(d.feeAmount, lang) }),
    cashAction: `${base}/fee/cash`,
    exemptAction: `${base}/fee/exemption`,
    categories: (definition.fee.exemptions ?? []).map((e) => ({
      value: e.code,
      label: localized(e.label, lang),
      selected: e.code === category,
    })),
    reason: typeof values.reason === 'string' ? values.reason : '',
    errors: failure?.errors ?? {},
    form: failure ?? { errorList: [] },
    backHref: base,
  };
}
