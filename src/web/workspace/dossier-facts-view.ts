/**
 * What the officer reads on the dossier page: the form as filled, the
 * components' files, the clock and the full timeline (internal notes
 * included, unlike the citizen's). Pure.
 */
import { isMessageKey, t, type Lang } from '../../i18n/i18n.js';
import type { AgencyResponse } from '../../agencies/agency.dto.js';
import type { WorkCalendar } from '../../calendar/working-time.js';
import type { DossierEntity, DossierEventEntity, DossierFileEntity } from '../../dossiers/dossier.entity.js';
import { clockView } from '../../dossiers/workspace-clock.js';
import { localized, type FieldDefinition, type ProcedureDefinition } from '../../procedures/forms/definition.js';
import { placesOf } from '../procedures/apply-context.js';
import { formatMegabytes } from '../procedures/format.js';
import { displayValue } from '../procedures/review-view.js';
import { hoursLeftText, instant, named, statusLabel } from './workspace-format.js';

/**
 * Each answered field with its label, in form order, written as the citizen's
 * "check your answers" page writes it (`displayValue`: dates DD/MM/YYYY,
 * choices by their label, numbers grouped, addresses by place names).
 */
export function formDataView(def: ProcedureDefinition, data: Record<string, unknown>, agencies: readonly AgencyResponse[], lang: Lang) {
  const places = placesOf([...agencies]);
  return def.form.fields
    .filter((f) => data[f.key] !== undefined && data[f.key] !== null && data[f.key] !== '')
    .map((f) => ({
      label: localized(f.label, lang),
      value: validShape(f, data[f.key]) ? displayValue(f, data[f.key], places, lang) : asStored(data[f.key]),
    }));
}

/**
 * Whether a value has the shape the validator gives its field type (what
 * `displayValue` reads). Imported dossiers carry their form data as it came:
 * anything else is shown as stored rather than misread.
 */
function validShape(f: FieldDefinition, v: unknown): boolean {
  switch (f.type) {
    case 'checkbox':
      return f.options ? Array.isArray(v) : typeof v === 'boolean';
    case 'number':
      return typeof v === 'number';
    case 'address': {
      const a = v as Record<string, unknown> | null;
      return typeof a === 'object' && a !== null && ['detail', 'communeCode', 'provinceCode'].every((k) => typeof a[k] === 'string');
    }
    default:
      return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
  }
}

function asStored(v: unknown): string {
  if (Array.isArray(v)) return v.map(asStored).join(', ');
  return typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v);
}

/** Every component: its current file (a download link under `dossierBase`, the page's URL), or "replaced by data", or missing. */
export function componentsView(def: ProcedureDefinition, dossierBase: string, files: readonly DossierFileEntity[], lang: Lang) {
  const current = files.filter((f) => !f.replacedAt);
  return def.components.map((c) => {
    const file = current.find((f) => f.componentCode === c.code);
    return {
      code: c.code,
      name: localized(c.name, lang),
      file: file
        ? {
            href: `${dossierBase}/files/${file.id}`,
            name: file.fileName,
            type: file.mimeType,
            size: formatMegabytes(file.sizeBytes, lang),
            source: t(lang, `workspace.source.${file.source}`),
            uploaded: instant(file.uploadedAt, lang),
          }
        : null,
      byData: !file && !!c.satisfiedBy,
    };
  });
}

/** The clock as facts, with overdue and late-step flags in words. */
export function clockFacts(d: DossierEntity, calendar: WorkCalendar, asOf: Date, lang: Lang) {
  const clock = clockView(calendar, d, asOf);
  return {
    ...clock,
    submitted: instant(d.submittedAt, lang),
    received: instant(d.receivedAt, lang),
    clockStart: instant(d.clockStart, lang),
    due: instant(d.dueAt, lang),
    rescheduled: instant(d.rescheduledAt, lang),
    stepDue: instant(d.stepDueAt, lang),
    supplementDue: instant(d.supplementDueAt, lang),
    completed: instant(d.completedAt, lang),
    outcome: d.outcome ? t(lang, `workspace.outcome.${d.outcome}`) : null,
    left: clock.hoursLeft === null ? null : hoursLeftText(clock.hoursLeft, lang),
  };
}

/** Every event, oldest first, with the actor's name and role and what was said or decided. */
export function staffTimeline(
  events: readonly DossierEventEntity[],
  def: ProcedureDefinition,
  names: ReadonlyMap<string, string>,
  lang: Lang,
) {
  const stepName = (key: string | null) => {
    if (!key) return null;
    return named(def.workflow.steps.find((s) => s.key === key)?.name, lang, key);
  };
  return events.map((e) => {
    const data = e.data ?? {};
    const notes: string[] = [];
    if (Array.isArray(data.items)) notes.push(...data.items.map((i) => `• ${String(i)}`));
    if (typeof data.reason === 'string') notes.push(t(lang, 'workspace.note.reason', { reason: data.reason }));
    if (typeof data.newDueAt === 'string') notes.push(t(lang, 'workspace.note.newDue', { time: instant(data.newDueAt, lang) ?? '' }));
    if (typeof data.assigneeName === 'string') notes.push(t(lang, 'workspace.note.assignedTo', { name: data.assigneeName }));
    if (e.fromStep !== e.toStep && e.toStep) notes.push(t(lang, 'workspace.note.step', { step: stepName(e.toStep) ?? '' }));
    return {
      when: instant(e.at, lang),
      iso: new Date(e.at).toISOString(),
      action: known(`workspace.event.${e.action}`, lang, e.action),
      who: [e.actorId ? names.get(e.actorId) : null, known(`workspace.actor.${e.actorRole}`, lang, e.actorRole)]
        .filter(Boolean)
        .join(' — '),
      change:
        e.fromStatus === e.toStatus
          ? statusLabel(e.toStatus, lang)
          : `${e.fromStatus ? `${statusLabel(e.fromStatus, lang)} → ` : ''}${statusLabel(e.toStatus, lang)}`,
      comment: e.comment,
      notes,
    };
  });
}

/** A label if the catalogue has one; else the raw word (events recorded by features this page does not know). */
function known(key: string, lang: Lang, fallback: string): string {
  return isMessageKey(key) ? t(lang, key) : fallback;
}
