/**
 * The staff dossier page: the facts, the assignment form and one form per
 * action this officer may take now (`availableActions`), each posting the
 * version the officer saw. After a failed post, the failed form keeps what
 * was typed and shows its errors; a conflict (409) shows the reload message.
 */
import { availableActions } from '../../dossiers/lifecycle.js';
import { t, type Lang } from '../../i18n/i18n.js';
import { localized } from '../../procedures/forms/definition.js';
import type { FormState } from '../form.js';
import { ACTION_FIELDS, parseStaffAction, type ActionField, type StaffPageAction } from './action-forms.js';
import { clockFacts, componentsView, formDataView, staffTimeline } from './dossier-facts-view.js';
import type { StaffDossier } from './staff-dossier-loader.js';
import { actionLabel, instant, named, statusLabel } from './workspace-format.js';
import { staffPaymentPanel } from '../payments/payment-panel.js';
import { resultLinkView } from '../results/result-link-view.js';

export interface PageFailure {
  /** The form that failed: an action, or `assign`. */
  form: StaffPageAction | 'assign';
  state: FormState;
  /** 409: the dossier changed or the action is not possible now. */
  conflict?: string;
}

/** Where the read-only page lives (the dashboard's drill-down opens it); its files are under it too. */
export const READ_ONLY_BASE = '/dashboard/dossiers';

/** Refusals are told apart from approvals by the button's look too (and its words). */
const DANGER = new Set<StaffPageAction>(['reject', 'propose-rejection']);

export function staffDossierView(s: StaffDossier, lang: Lang, failure?: PageFailure) {
  const d = s.detail.dossier;
  const base = `/workspace/dossiers/${d.id}`;
  const procedure = named(s.detail.procedureName, lang, d.procedureCode);
  const actions = availableActions(d.status, s.roles)
    .map((a) => parseStaffAction(a))
    .filter((a): a is StaffPageAction => a !== undefined)
    .map((a) => actionForm(a, s, base, lang, failure?.form === a ? failure : undefined));
  return {
    title: `${d.code ?? t(lang, 'workspace.noCode')} — ${procedure}`,
    dossier: {
      id: d.id,
      code: d.code,
      version: d.version,
      status: statusLabel(d.status, lang),
      channel: t(lang, `workspace.channel.${d.channel}`),
      step: d.step ? named(s.definition.workflow.steps.find((st) => st.key === d.step)?.name, lang, d.step) : null,
      assignee: d.assigneeId ? (s.names.get(d.assigneeId) ?? null) : null,
      reason: d.reason,
      agency: s.detail.agency.name,
    },
    procedure: { code: d.procedureCode, name: procedure },
    applicant: s.applicant,
    formData: formDataView(s.definition, d.formData, s.agencies, lang),
    components: componentsView(s.definition, s.readOnly ? `${READ_ONLY_BASE}/${d.id}` : base, s.detail.files, lang),
    clock: clockFacts(d, s.calendar, s.asOf, lang),
    timeline: staffTimeline(s.detail.events, s.definition, s.names, lang),
    payment: s.readOnly ? readOnlyPayment(s, lang) : staffPaymentPanel(s.detail, lang),
    // Read-only: Forms 01/06 and the result are served by the officers' rule (the agency holding the dossier now), so not linked.
    documents: s.readOnly
      ? null
      : {
          receipt: d.receivedAt ? `/dossiers/${d.id}/receipt.pdf` : null,
          tracking: `/dossiers/${d.id}/documents/06.pdf`,
        },
    result: s.readOnly ? null : resultLinkView(s.detail, lang, { canChange: s.roles.includes('LEADER') }),
    readOnly: s.readOnly ?? null,
    assign: s.assign.allowed ? assignForm(s, base, lang, failure?.form === 'assign' ? failure : undefined) : null,
    actions,
    conflict: failure?.conflict ? { message: failure.conflict, reload: base } : null,
    form: failure && !failure.conflict ? failure.state : { errorList: [] },
  };
}

interface FieldView {
  name: ActionField;
  id: string;
  kind: 'textarea' | 'select' | 'datetime';
  label: string;
  hint: string | null;
  required: boolean;
  value: string;
  error: string | null;
  options: { value: string; label: string; selected: boolean }[];
}

function actionForm(action: StaffPageAction, s: StaffDossier, base: string, lang: Lang, failure: PageFailure | undefined) {
  const values = failure?.state.values ?? {};
  const errors = failure?.state.errors ?? {};
  const fields = ACTION_FIELDS[action].map((name): FieldView => {
    const value = typeof values[name] === 'string' ? values[name] : '';
    const field = {
      name,
      id: `${action}-${name}`,
      label: t(lang, `workspace.field.${name}`),
      hint: null as string | null,
      required: false,
      value,
      error: errors[name] ?? null,
      options: [] as FieldView['options'],
    };
    switch (name) {
      case 'items':
        return { ...field, kind: 'textarea', required: true, hint: t(lang, 'workspace.field.items.hint') };
      case 'reason':
        return { ...field, kind: 'textarea', required: true };
      case 'comment':
        return { ...field, kind: 'textarea' };
      case 'newDueAt':
        return {
          ...field,
          kind: 'datetime',
          required: true,
          hint: t(lang, 'workspace.field.newDueAt.hint', { due: instant(s.detail.dossier.dueAt, lang) ?? '—' }),
        };
      case 'toStep':
        return { ...field, kind: 'select', options: stepOptions(s, value, lang) };
      case 'toAgencyCode':
        return {
          ...field,
          kind: 'select',
          hint: t(lang, 'workspace.field.toAgencyCode.hint'),
          options: [
            { value: '', label: t(lang, 'workspace.sameAgency'), selected: value === '' },
            ...s.agencies
              .filter((a) => a.id !== s.detail.dossier.currentAgencyId)
              .map((a) => ({ value: a.code, label: `${a.code} — ${a.name}`, selected: a.code === value })),
          ],
        };
      case 'assigneeId':
        return {
          ...field,
          kind: 'select',
          options: [
            { value: '', label: t(lang, 'workspace.noAssignee'), selected: value === '' },
            ...s.staff.map((o) => ({
              value: o.id,
              label: `${o.fullName} (${o.roles.map((r) => t(lang, `role.${r}`)).join(', ')})`,
              selected: o.id === value,
            })),
          ],
        };
    }
  });
  return {
    action,
    label: actionLabel(action, lang),
    headingId: `action-${action}-heading`,
    url: `${base}/actions/${action}`,
    version: s.detail.dossier.version,
    danger: DANGER.has(action),
    // Collapsed by default (a long page otherwise); the one that failed is open on its errors.
    open: failure !== undefined,
    fields,
  };
}

/** Forward: every step of the workflow, the next one chosen by default. */
function stepOptions(s: StaffDossier, value: string, lang: Lang) {
  const steps = s.definition.workflow.steps;
  const i = steps.findIndex((st) => st.key === s.detail.dossier.step);
  const chosen = value || steps[i + 1]?.key || '';
  return steps.map((st) => ({
    value: st.key,
    label: `${st.name ? localized(st.name, lang) : st.key} (${t(lang, `role.${st.role}`)})`,
    selected: st.key === chosen,
  }));
}

function assignForm(s: StaffDossier, base: string, lang: Lang, failure: PageFailure | undefined) {
  const chosen = typeof failure?.state.values.assigneeId === 'string' ? failure.state.values.assigneeId : '';
  return {
    url: `${base}/assign`,
    version: s.detail.dossier.version,
    error: failure?.state.errors.assigneeId ?? failure?.state.errors.form ?? null,
    options: [
      { value: '', label: t(lang, 'workspace.assign.auto'), selected: chosen === '' },
      ...s.assign.candidates.map((o) => ({
        value: o.id,
        label: t(lang, 'workspace.assign.officer', { name: o.fullName, load: o.load }),
        selected: o.id === chosen,
      })),
    ],
  };
}

/** The fee's amount and state only: paying at the counter is an action. */
function readOnlyPayment(s: StaffDossier, lang: Lang) {
  const panel = staffPaymentPanel(s.detail, lang);
  return panel ? { ...panel, counterHref: null, receiptHref: null } : null;
}
