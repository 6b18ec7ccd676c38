import { Problem } from '../../common/problem.js';
import type { DossierEntity } from '../../dossiers/dossier.entity.js';
import { t, type Lang } from '../../i18n/i18n.js';
import type { PublishedProcedure } from '../../procedures/catalogue.service.js';
import { localized } from '../../procedures/forms/definition.js';
import { dossierPaths } from './filing-flow.js';
import { formatLocalDateTime } from './local-time.js';

/** The agency a new dossier goes to: the procedure's only one, or the one the person chose. */
export function chosenAgency(agencyCodes: readonly string[], posted: unknown): string {
  if (agencyCodes.length === 1) return agencyCodes[0];
  if (typeof posted === 'string' && posted !== '') return posted;
  throw Problem.validation([{ path: 'agencyCode', code: 'dossier.chooseAgency' }]);
}

/**
 * Starting an application: the agency (radio buttons when several serve the
 * procedure), the drafts of it already begun, and the button that creates
 * the draft. A page of its own so that following a link never creates one.
 */
export function startView(
  p: PublishedProcedure,
  agencyNames: ReadonlyMap<string, string>,
  drafts: readonly DossierEntity[],
  lang: Lang,
  o: { chosen?: unknown; error?: string } = {},
) {
  const name = localized(p.name, lang);
  const agencies = p.agencyCodes.map((code, i) => ({
    id: `agency-${i + 1}`,
    code,
    name: agencyNames.get(code) ?? code,
    checked: code === o.chosen,
  }));
  return {
    title: `${o.error ? `${t(lang, 'apply.errorTitle')}: ` : ''}${t(lang, 'filing.start.title', { name })}`,
    heading: t(lang, 'filing.start.title', { name }),
    procedure: { code: p.code, name, href: `/procedures/${encodeURIComponent(p.code)}` },
    single: agencies.length === 1 ? agencies[0] : null,
    agencies: agencies.length > 1 ? agencies : [],
    drafts: drafts.map((d) => ({
      href: dossierPaths(d.id).edit(1),
      label: t(lang, 'filing.start.continueDraft', { when: formatLocalDateTime(d.createdAt) }),
    })),
    action: `/procedures/${encodeURIComponent(p.code)}/apply`,
    error: o.error ?? null,
    form: {
      errorList: o.error
        ? [{ href: agencies.length > 1 ? '#agency-1' : '#main-content', message: `${t(lang, 'filing.start.agency')}: ${o.error}` }]
        : [],
    },
  };
}
