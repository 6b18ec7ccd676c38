/**
 * What each one-stop form prints, as plain text ready to lay out: the mapper
 * (`to-document-view.ts`) decides every word and date, the PDF builders only
 * place them. Forms of Circular 01/2018/TT-VPCP as kept by Circular 03/2025/TT-VPCP;
 * numbered as DOMAIN.md numbers them.
 */

export const DOCUMENT_FORMS = ['01', '02', '03', '04', '05', '06'] as const;
export type DocumentForm = (typeof DOCUMENT_FORMS)[number];

export function isDocumentForm(value: string): value is DocumentForm {
  return (DOCUMENT_FORMS as readonly string[]).includes(value);
}

/** The top of every form: who issues it, which dossier, when, and where to follow it. */
export interface DocumentHead {
  form: DocumentForm;
  title: string;
  /** The issuing agency, and the one above it (the province of a commune; null for a province). */
  parentAgency: string | null;
  agency: string;
  /** Null when the dossier was refused or sent back before reception: codes are given at reception. */
  code: string | null;
  /** "……, ngày 21 tháng 11 năm 2026". */
  placeAndDate: string;
  /** The instant the document was issued (its event), for the PDF's metadata. */
  issuedAt: Date;
  /** The public lookup page the QR code opens (none without a code). */
  lookupUrl: string | null;
  fileName: string;
}

export interface Applicant {
  name: string;
  citizenId: string | null;
  phone: string | null;
  email: string | null;
}

/** A signature block: the role in capitals, then the person (blank when unknown: signed on paper). */
export interface Signature {
  title: string;
  name: string | null;
  /** The instruction under the title; default "(Ký và ghi rõ họ tên)". */
  hint?: string;
}

export interface ReceiptView {
  form: '01';
  head: DocumentHead;
  applicant: Applicant;
  procedureName: string;
  components: { name: string; detail: string }[];
  processingTime: string;
  receivedAt: string;
  dueAt: string;
  /** The new appointment of an apology letter (Form 04), when there is one. */
  rescheduledAt: string | null;
  channel: string;
  signatures: Signature[];
}

export interface SupplementView {
  form: '02';
  head: DocumentHead;
  applicant: Applicant;
  procedureName: string;
  /** At the counter before reception, or during processing. */
  stage: string;
  items: string[];
  reason: string | null;
  deadline: string;
  /** What happens if the deadline passes, when something does. */
  note: string | null;
  signatures: Signature[];
}

export interface RefusalView {
  form: '03';
  head: DocumentHead;
  applicant: Applicant;
  procedureName: string;
  /** Refused at reception, or refused after processing. */
  atReception: boolean;
  reason: string;
  signatures: Signature[];
}

export interface ApologyView {
  form: '04';
  head: DocumentHead;
  applicant: Applicant;
  procedureName: string;
  receivedAt: string;
  dueAt: string;
  reason: string;
  newDueAt: string;
  signatures: Signature[];
}

export interface StopView {
  form: '05';
  head: DocumentHead;
  applicant: Applicant;
  procedureName: string;
  requestedAt: string | null;
  items: string[];
  deadline: string | null;
  signatures: Signature[];
}

/** One hand-over of the tracking slip. */
export interface TrackingRow {
  from: string;
  to: string;
  step: string;
  at: string;
  due: string | null;
  /** "Đúng hạn" / "Trễ hạn", or empty when the step has no deadline. */
  result: string;
  comment: string | null;
}

export interface TrackingView {
  form: '06';
  head: DocumentHead;
  applicant: Applicant;
  procedureName: string;
  receivedAt: string;
  dueAt: string;
  rows: TrackingRow[];
}

export type DocumentView = ReceiptView | SupplementView | RefusalView | ApologyView | StopView | TrackingView;
