/**
 * What a dossier must satisfy to be submitted (or taken in at the counter):
 * its form valid against its version, and every required component present
 * or replaced by data. Pure, on top of the form validator.
 */
import { checkComponents } from '../procedures/forms/components.js';
import { resultProcedureOf, type ProcedureDefinition } from '../procedures/forms/definition.js';
import { compileForm, type AgencyRef, type CompiledForm } from '../procedures/forms/validate-submission.js';
import type { FieldError } from '../common/problem.js';

const compiled = new WeakMap<ProcedureDefinition, CompiledForm>();

/** Compiled once per loaded definition object. */
export function formOf(def: ProcedureDefinition): CompiledForm {
  let form = compiled.get(def);
  if (!form) compiled.set(def, (form = compileForm(def.form)));
  return form;
}

export interface Completeness {
  /** The form data as it will be stored: normalised, hidden fields dropped. */
  formData: Record<string, unknown>;
  errors: FieldError[];
  /** Every component electronic, uploaded or replaced by data (the digitised rate). */
  digitised: boolean;
}

export function completeness(
  def: ProcedureDefinition,
  formData: unknown,
  files: { componentCode: string; mimeType: string; sizeBytes: number }[],
  ctx: { agencies: AgencyRef[]; today: string; profileFacts: ReadonlySet<string>; heldResults: ReadonlySet<string> },
): Completeness {
  const form = formOf(def).validate(formData ?? {}, { agencies: ctx.agencies, today: ctx.today });
  const componentErrors = checkComponents(
    def.components,
    files.map((f) => ({ code: f.componentCode, mimeType: f.mimeType, size: f.sizeBytes })),
    { profile: ctx.profileFacts, results: ctx.heldResults },
  );
  const provided = new Set(files.map((f) => f.componentCode));
  const digitised = def.components.every(
    (c) =>
      provided.has(c.code) ||
      (c.satisfiedBy &&
        ('profile' in c.satisfiedBy ? ctx.profileFacts.has(c.satisfiedBy.profile) : ctx.heldResults.has(resultProcedureOf(c) ?? ''))),
  );
  return { formData: form.value, errors: [...(form.ok ? [] : form.errors), ...componentErrors], digitised };
}
