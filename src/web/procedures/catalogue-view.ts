import type { TreeNode } from '../../agencies/agency-tree.js';
import { AGENCY_LEVELS } from '../../common/roles.js';
import { t, type Lang } from '../../i18n/i18n.js';
import type { CatalogueItem } from '../../procedures/catalogue.service.js';
import { localized } from '../../procedures/forms/definition.js';
import { formatFee, formatProcessingTime } from './format.js';

export interface CatalogueFilters {
  q?: string;
  sector?: string;
  level?: string;
  agencyCode?: string;
}

interface AgencyNode {
  code: string;
  name: string;
}

/** One search result, with the facts people compare procedures by. */
export function catalogueItemView(item: CatalogueItem, lang: Lang) {
  return {
    href: `/procedures/${encodeURIComponent(item.code)}`,
    code: item.code,
    name: localized(item.name, lang),
    sector: item.sector,
    level: t(lang, `level.${item.level}`),
    time: formatProcessingTime(item.processingTime, lang),
    fee: formatFee(item.fee.amount, lang),
    service: serviceLevelView(item.serviceLevel, lang),
  };
}

export function serviceLevelView(level: string, lang: Lang) {
  return { label: t(lang, `procedures.service.${level}`), full: level === 'FULL' };
}

/** The filter selects, with the current choice selected. */
export function filterOptions(filters: CatalogueFilters, sectors: string[], tree: TreeNode<AgencyNode>[], lang: Lang) {
  return {
    sectors: sectors.map((s) => ({ value: s, label: s, selected: s === filters.sector })),
    levels: AGENCY_LEVELS.map((l) => ({ value: l, label: t(lang, `level.${l}`), selected: l === filters.level })),
    // One group per province: the province itself, then its departments and communes.
    agencyGroups: tree.map((province) => ({
      label: province.name,
      options: [province, ...province.children].map((a) => ({ value: a.code, label: a.name, selected: a.code === filters.agencyCode })),
    })),
  };
}

/** Previous and next links that keep the search. */
export function pagerLinks(filters: CatalogueFilters, page: number, pages: number) {
  const link = (p: number) => {
    const params = new URLSearchParams(
      Object.entries(filters).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''),
    );
    if (p > 1) params.set('page', String(p));
    const query = params.toString();
    return `/procedures${query ? `?${query}` : ''}`;
  };
  return { previous: page > 1 ? link(Math.min(page - 1, pages)) : null, next: page < pages ? link(page + 1) : null };
}
