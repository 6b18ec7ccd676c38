/** The public transparency page: the province's and each agency's on-time rate and service index. Pure. */
import { t, type Lang } from '../../i18n/i18n.js';
import { SERVICE_INDEX_V1 } from '../../stats/service-index/config-v1.js';
import type { AgencyServiceIndex } from '../../stats/service-index/service-index.service.js';
import type { ServiceIndex } from '../../stats/service-index/service-index.js';
import type { Period } from '../../stats/period.js';
import { indexSource } from '../dashboard/dashboard-pages-view.js';
import { dateInput, formatDecimal, formatRate } from '../dashboard/dashboard-format.js';
import { formatDate } from '../procedures/format.js';

export interface PeriodResult {
  /** "Quý này", "Năm nay". */
  name: string;
  /** `to` exclusive, as the statistics count. */
  period: Period;
  whole: ServiceIndex;
  wholeOnTimeRate: number | null;
  agencies: AgencyServiceIndex[];
}

export function transparencyView(periods: PeriodResult[], lang: Lang) {
  return {
    title: t(lang, 'transparency.title'),
    version: SERVICE_INDEX_V1.version,
    source: indexSource(lang),
    periods: periods.map((p, i) => ({
      id: `period-${i}`,
      name: p.name,
      from: localDay(p.period.from),
      to: localDay(new Date(p.period.to.getTime() - 1)),
      rows: [
        {
          name: t(lang, 'transparency.province'),
          whole: true,
          onTimeRate: formatRate(p.wholeOnTimeRate, lang),
          ...indexCells(p.whole, lang),
        },
        ...p.agencies.map((a) => ({
          name: `${a.name} (${a.code})`,
          whole: false,
          onTimeRate: formatRate(a.onTimeRate, lang),
          ...indexCells(a.index, lang),
        })),
      ],
    })),
  };
}

/** A local day as people read it (dd/mm/yyyy) and as machines do (`<time datetime>`). */
function localDay(instant: Date): { iso: string; text: string } {
  const iso = dateInput(instant);
  return { iso, text: formatDate(iso) };
}

function indexCells(index: ServiceIndex, lang: Lang) {
  return index.band
    ? { index: formatDecimal(index.total, lang), band: index.band.label[lang] }
    : { index: '—', band: t(lang, 'stats.index.noData') };
}
