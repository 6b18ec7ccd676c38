import { t, type Lang } from '../../i18n/i18n.js';
import { localized, type ProcedureDefinition } from '../../procedures/forms/definition.js';
import type { ReuseOption } from '../../results/reuse.service.js';
import { formatLocalDate } from '../dossiers/local-time.js';

/** Statuses in which the citizen may still change what stands in for a document. */
const EDITABLE = new Set(['DRAFT', 'RECEPTION_SUPPLEMENT', 'SUPPLEMENT_REQUESTED']);

/** The wallet results the citizen may pick for each document a result can stand in for. */
export function reuseView(
  dossier: { id: string; status: string; code: string | null },
  definition: ProcedureDefinition,
  options: ReuseOption[],
  lang: Lang,
) {
  const editable = EDITABLE.has(dossier.status);
  return {
    title: t(lang, 'results.reuse.title'),
    procedure: localized(definition.name, lang),
    backHref: editable && dossier.status === 'DRAFT' ? `/dossiers/${dossier.id}/files` : `/dossiers/${dossier.id}`,
    editable,
    components: options.map((o) => {
      const c = definition.components.find((x) => x.code === o.componentCode);
      return {
        code: o.componentCode,
        name: c ? localized(c.name, lang) : o.componentCode,
        action: `/dossiers/${dossier.id}/reuse`,
        candidates: o.candidates.map((r) => ({
          id: r.id,
          label: t(lang, 'results.reuse.candidate', { no: r.documentNo, title: r.title, date: formatLocalDate(r.issuedAt) }),
          checked: r.id === o.chosenId,
        })),
      };
    }),
  };
}
