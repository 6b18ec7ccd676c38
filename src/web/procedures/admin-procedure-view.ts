import { t, type Lang } from '../../i18n/i18n.js';
import type { DefinitionChange } from '../../procedures/definition-diff.js';
import { localized } from '../../procedures/forms/definition.js';
import type { ProcedureVersionEntity } from '../../procedures/procedure.entity.js';
import { formatInstant } from './format.js';

export const adminPath = (code: string, rest = '') => `/admin/procedures/${encodeURIComponent(code)}${rest}`;

interface ListRow {
  code: string;
  name: string | null;
  currentVersion: number | null;
  latestVersion: number;
  latestStatus: string;
  draftName?: string | null;
}

/** The admin's list: each procedure, its version in force and its latest version. */
export function procedureRows(rows: ListRow[], lang: Lang) {
  return rows.map((r) => ({
    code: r.code,
    name: r.name ?? r.draftName ?? r.code,
    href: adminPath(r.code),
    current: r.currentVersion ?? null,
    latest: r.latestVersion,
    status: statusView(r.latestStatus, lang),
  }));
}

export function statusView(status: string, lang: Lang) {
  return { label: t(lang, `adminProcedures.status.${status}`), draft: status === 'DRAFT' };
}

/** A procedure's versions, newest first, with what can be done with each. */
export function versionRows(code: string, versions: ProcedureVersionEntity[], current: number | null, lang: Lang) {
  return versions.map((v) => ({
    version: v.version,
    status: statusView(v.status, lang),
    inForce: v.version === current,
    createdAt: formatInstant(v.createdAt, lang),
    publishedAt: v.publishedAt ? formatInstant(v.publishedAt, lang) : null,
    href: adminPath(code, `/versions/${v.version}/edit`),
    publishHref: v.status === 'DRAFT' ? adminPath(code, `/versions/${v.version}/publish`) : null,
  }));
}

export function versionName(v: ProcedureVersionEntity, lang: Lang): string {
  return localized(v.definition.name, lang);
}

/** Choices of the two versions to compare: by default the one before the newest, and the newest. */
export function diffChoices(versions: ProcedureVersionEntity[], from?: number, to?: number) {
  const numbers = versions.map((v) => v.version).sort((a, b) => a - b);
  const chosenTo = to ?? numbers[numbers.length - 1];
  const chosenFrom = from ?? numbers[Math.max(0, numbers.length - 2)];
  return {
    from: numbers.map((n) => ({ value: n, selected: n === chosenFrom })),
    to: numbers.map((n) => ({ value: n, selected: n === chosenTo })),
  };
}

/** One row per changed leaf; the kind of change in words as well as colour. */
export function diffRows(changes: DefinitionChange[], lang: Lang) {
  return changes.map((c) => ({
    path: c.path,
    change: c.change,
    label: t(lang, `adminProcedures.diff.${c.change}`),
    before: show(c.before),
    after: show(c.after),
  }));
}

function show(v: unknown): string | null {
  if (v === undefined) return null;
  return typeof v === 'string' ? v : JSON.stringify(v, null, 2);
}
