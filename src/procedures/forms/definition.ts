/**
 * The shape of a procedure's configuration: what an administrator writes and
 * what the portal validates, renders and runs. Pure types; no framework.
 */
import type { Role } from '../../common/roles.js';

/** Text shown to people, in Vietnamese and (optionally) English; English falls back to Vietnamese. */
export interface LocalizedText {
  vi: string;
  en?: string;
}

export const FIELD_TYPES = [
  'text',
  'textarea',
  'number',
  'date',
  'select',
  'radio',
  'checkbox',
  'email',
  'phone',
  'citizenId',
  'taxCode',
  'address',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export type Scalar = string | number | boolean;

/**
 * When a field is shown. Leaves compare another field's value; `all` / `any`
 * combine. A field whose condition is false is hidden: neither required nor stored.
 * A hidden field has no value for the conditions of others, so conditions chain.
 */
export type Condition =
  | { field: string; equals: Scalar }
  | { field: string; in: Scalar[] }
  | { field: string; notEmpty: true }
  | { all: Condition[] }
  | { any: Condition[] };

export interface FieldOption {
  value: string;
  label: LocalizedText;
}

export interface FieldDefinition {
  /** Unique in the form; letters, digits and underscores, starting with a letter. */
  key: string;
  type: FieldType;
  label: LocalizedText;
  hint?: LocalizedText;
  required?: boolean;
  /** text, textarea, email, phone: length bounds of the trimmed value. */
  minLength?: number;
  maxLength?: number;
  /** text, textarea: a regular expression the whole value must match. */
  pattern?: string;
  /** What to say when `pattern` fails. */
  patternMessage?: LocalizedText;
  /** number: numeric bounds; date: ISO dates `YYYY-MM-DD` or `today`. */
  min?: number | string;
  max?: number | string;
  /** select, radio: the choices; checkbox with options: several may be ticked. */
  options?: FieldOption[];
  showIf?: Condition;
  /** Multi-page forms: the key of the page this field is on (default: the first page). */
  page?: string;
}

export interface FormPage {
  key: string;
  title: LocalizedText;
}

export interface FormDefinition {
  /** Optional; a form without pages is one page. */
  pages?: FormPage[];
  fields: FieldDefinition[];
}

/** Values of the portal's own data that can stand in for a document ("dữ liệu thay thế"). */
export const PROFILE_FACTS = ['citizenId', 'fullName', 'residence'] as const;
export type ProfileFact = (typeof PROFILE_FACTS)[number];

export interface ComponentDefinition {
  /** Unique in the procedure, e.g. `GCS`, `CCCD`. */
  code: string;
  name: LocalizedText;
  required: boolean;
  /** Accepted MIME types, checked against the file's content (default PDF, JPEG, PNG). */
  accept?: string[];
  /** Largest accepted file (default 10 MiB). */
  maxBytes?: number;
  hint?: LocalizedText;
  /**
   * No upload needed: the citizen's profile, or a result already issued to them by another procedure
   * (`resultOf`; versions published before the rename say `result`: read it with `resultProcedureOf`).
   */
  satisfiedBy?: { profile: ProfileFact } | { resultOf: string } | { result: string };
}

/** The procedure whose result may stand in for a component, whichever name its version uses; null when none. */
export function resultProcedureOf(c: Pick<ComponentDefinition, 'satisfiedBy'>): string | null {
  const by = c.satisfiedBy;
  if (!by || 'profile' in by) return null;
  return 'resultOf' in by ? by.resultOf : by.result;
}

export interface WorkflowStep {
  key: string;
  name?: LocalizedText;
  role: Role;
  /** The agency that acts at this step when it is not the dossier's own (inter-agency). */
  agencyCode?: string;
  /** Share of the processing time given to this step; the shares sum to 1. */
  share: number;
}

export interface FeeDefinition {
  /** Whole đồng; 0 when free. */
  amount: number;
  currency: 'VND';
  payWhen: 'ON_SUBMIT' | 'BEFORE_RESULT';
  /** Name printed on the e-receipt (default: the procedure's name). */
  name?: LocalizedText;
  /** Categories of applicants who pay nothing. */
  exemptions?: { code: string; label: LocalizedText }[];
}

export const SERVICE_LEVELS = ['FULL', 'PARTIAL'] as const;
export const SUPPLEMENT_POLICIES = ['RESTART', 'PAUSE'] as const;

/** Everything a procedure version holds. Published versions never change. */
export interface ProcedureDefinition {
  name: LocalizedText;
  sector: string;
  level: 'PROVINCE' | 'COMMUNE' | 'DEPARTMENT';
  agencyCodes: string[];
  legalBasis?: string[];
  description?: LocalizedText;
  processingTime: { workingDays: number } | { workingHours: number };
  serviceLevel: (typeof SERVICE_LEVELS)[number];
  fee: FeeDefinition;
  form: FormDefinition;
  components: ComponentDefinition[];
  workflow: { steps: WorkflowStep[] };
  resultTemplate: { title: LocalizedText | string; body: string };
  /** What happens to the clock when processing asks for a supplement (Decree 118/2025 default: RESTART). */
  supplementPolicy: (typeof SUPPLEMENT_POLICIES)[number];
  /** Working days the citizen has to supplement before the dossier is stopped. */
  supplementDeadlineDays: number;
  /** For same-day procedures: receptions after this local time (HH:mm) are handled the next working day. */
  sameDayCutoff?: string;
  /** Allow a second supplement request in the same stage. */
  allowRepeatSupplement?: boolean;
}

export const DEFAULT_ACCEPT = ['application/pdf', 'image/jpeg', 'image/png'];
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
export const DEFAULT_SUPPLEMENT_DEADLINE_DAYS = 15;

/** Working hours of processing: days × 8. */
export function processingHours(def: Pick<ProcedureDefinition, 'processingTime'>): number {
  const t = def.processingTime;
  return 'workingHours' in t ? t.workingHours : t.workingDays * 8;
}

/** The English text, or the Vietnamese when there is none. */
export function localized(text: LocalizedText | string | undefined, lang: 'vi' | 'en'): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return (lang === 'en' ? text.en : undefined) || text.vi;
}
