/** The public lookup page's view: the status in plain words and the dates in Vietnam's time. Pure. */
import { t, type Lang } from '../../i18n/i18n.js';
import type { MessageKey } from '../../i18n/messages.js';
import { localized } from '../../procedures/forms/definition.js';
import { formatInstant } from '../../web/procedures/format.js';
import type { LookupRecord } from './lookup-record.js';

export interface LookupFact {
  label: string;
  value: string;
  /** For `<time datetime>`, so assistive technology and machines read the instant itself. */
  iso?: string;
}

export interface LookupPage {
  code: string;
  status: { label: string; text: string };
  facts: LookupFact[];
}

export function lookupPageView(r: LookupRecord, lang: Lang): LookupPage {
  const when = (key: MessageKey, instant: Date | null): LookupFact[] =>
    instant ? [{ label: t(lang, key), value: formatInstant(instant, lang), iso: instant.toISOString() }] : [];
  return {
    code: r.code,
    status: { label: t(lang, `lookup.status.${r.status}`), text: t(lang, `lookup.explain.${r.status}`) },
    facts: [
      { label: t(lang, 'lookup.field.code'), value: r.code },
      { label: t(lang, 'lookup.field.procedure'), value: localized(r.procedureName, lang) },
      { label: t(lang, 'lookup.field.agency'), value: r.agencyName },
      ...when('lookup.field.receivedAt', r.receivedAt),
      ...when('lookup.field.dueAt', r.dueAt),
      ...when('lookup.field.rescheduledAt', r.rescheduledAt),
      ...when('lookup.field.completedAt', r.completedAt),
    ],
  };
}
