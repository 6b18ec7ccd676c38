import { t, type Lang } from '../../i18n/i18n.js';
import type { PublishedProcedure } from '../../procedures/catalogue.service.js';
import {
  DEFAULT_ACCEPT,
  DEFAULT_MAX_BYTES,
  localized,
  processingHours,
  resultProcedureOf,
  type ComponentDefinition,
  type FeeDefinition,
  type ProcedureDefinition,
  type WorkflowStep,
} from '../../procedures/forms/definition.js';
import { serviceLevelView } from './catalogue-view.js';
import { formatFee, formatFileTypes, formatMegabytes, formatProcessingTime, formatWorkingHours } from './format.js';

/** Everything a citizen reads on a procedure's page, in their language. */
export function procedureView(p: PublishedProcedure, agencyNames: Map<string, string>, lang: Lang) {
  return {
    code: p.code,
    name: localized(p.name, lang),
    sector: p.sector,
    level: t(lang, `level.${p.level}`),
    agencies: p.agencyCodes.map((code) => agencyNames.get(code) ?? code),
    time: formatProcessingTime(p.processingTime, lang),
    fee: feeView(p.fee, lang),
    service: { ...serviceLevelView(p.serviceLevel, lang), text: t(lang, `procedures.service.${p.serviceLevel}.text`) },
    legalBasis: p.legalBasis ?? [],
    description: localized(p.description, lang),
    components: p.components.map((c) => componentView(c, lang)),
    steps: stepsView(p, agencyNames, lang),
    applyHref: `/procedures/${encodeURIComponent(p.code)}/apply`,
  };
}

export function feeView(fee: FeeDefinition, lang: Lang) {
  return {
    amount: formatFee(fee.amount, lang),
    free: fee.amount === 0,
    payWhen: t(lang, `procedures.fee.${fee.payWhen}`),
    exemptions: (fee.exemptions ?? []).map((e) => localized(e.label, lang)),
  };
}

export function componentView(c: ComponentDefinition, lang: Lang) {
  return {
    code: c.code,
    name: localized(c.name, lang),
    hint: localized(c.hint, lang),
    required: c.required,
    types: formatFileTypes(c.accept ?? DEFAULT_ACCEPT),
    maxSize: formatMegabytes(c.maxBytes ?? DEFAULT_MAX_BYTES, lang),
    fromData: satisfiedNote(c, lang),
  };
}

/** "No upload needed": the portal already holds the data the document would prove. */
function satisfiedNote(c: ComponentDefinition, lang: Lang): string | null {
  const by = c.satisfiedBy;
  if (!by) return null;
  if ('profile' in by) return t(lang, 'procedures.component.fromProfile', { fact: t(lang, `procedures.fact.${by.profile}`) });
  return t(lang, 'procedures.component.fromResult', { code: resultProcedureOf(c) ?? '' });
}

function stepsView(p: ProcedureDefinition, agencyNames: Map<string, string>, lang: Lang) {
  const hours = processingHours(p);
  return p.workflow.steps.map((step: WorkflowStep) => ({
    name: localized(step.name, lang) || t(lang, `procedures.step.${step.role}`),
    role: t(lang, `role.${step.role}`),
    agency: step.agencyCode ? (agencyNames.get(step.agencyCode) ?? step.agencyCode) : null,
    time: formatWorkingHours(step.share * hours, lang),
  }));
}
