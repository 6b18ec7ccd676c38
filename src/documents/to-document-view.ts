/**
 * The one mapper from a dossier (its state, events and files, as the access-checked
 * detail query returns them) to what a form prints. Pure: the caller loads the
 * names, the procedure version and the calendar. A form whose event has not
 * happened is `null`: that document does not exist (yet).
 */
import type { WorkCalendar } from '../calendar/working-time.js';
import type { DossierDetail } from '../dossiers/dossier-queries.service.js';
import { resultProcedureOf, type ProcedureDefinition } from '../procedures/forms/definition.js';
import { formatProcessingTime } from '../web/procedures/format.js';
import type {
  Applicant,
  ApologyView,
  DocumentForm,
  DocumentHead,
  DocumentView,
  ReceiptView,
  RefusalView,
  StopView,
  SupplementView,
  TrackingView,
} from './document-view.js';
import { recordedDueOf, trackingRows, type EventLike } from './tracking-rows.js';
import { placeAndDate, timeAndDateInWords } from './vietnamese-date.js';
import { CHANNELS, FILE_SOURCES, PROFILE_FACTS, TITLES } from './words.js';

export interface DocumentSource {
  detail: DossierDetail;
  definition: ProcedureDefinition;
  calendar: WorkCalendar;
  applicant: Applicant;
  /** The agency that resolves the dossier, and the one above it (the province of a commune). */
  issuer: { name: string; parentName: string | null };
  /** Full names by user id, for the officers who acted. */
  people: ReadonlyMap<string, string>;
  /** Agency names by id, for inter-agency forwards. */
  agencies: ReadonlyMap<string, string>;
  /** The portal's public address, no trailing slash. */
  publicUrl: string;
}

const HOURS_PER_DAY = 8;

export function toDocumentView(form: DocumentForm, src: DocumentSource): DocumentView | null {
  switch (form) {
    case '01':
      return receipt(src);
    case '02':
      return supplement(src);
    case '03':
      return refusal(src);
    case '04':
      return apology(src);
    case '05':
      return stop(src);
    case '06':
      return tracking(src);
  }
}

function receipt(src: DocumentSource): ReceiptView | null {
  const d = src.detail.dossier;
  if (!d.receivedAt || !d.code || !d.dueAt) return null;
  const reception = receptionEvent(src);
  return {
    form: '01',
    head: head('01', src, d.receivedAt),
    applicant: src.applicant,
    procedureName: src.detail.procedureName,
    components: components(src),
    processingTime: formatProcessingTime(src.definition.processingTime, 'vi'),
    receivedAt: timeAndDateInWords(d.receivedAt),
    dueAt: timeAndDateInWords(d.dueAt),
    rescheduledAt: d.rescheduledAt ? timeAndDateInWords(d.rescheduledAt) : null,
    channel: CHANNELS[d.channel],
    signatures: [
      { title: 'NGƯỜI NỘP HỒ SƠ', name: src.applicant.name },
      { title: 'NGƯỜI TIẾP NHẬN HỒ SƠ', name: personOf(reception, src) },
    ],
  };
}

function supplement(src: DocumentSource): SupplementView | null {
  const e = last(src, (e) => e.action === 'request-supplement');
  if (!e) return null;
  const atReception = e.fromStatus === 'SUBMITTED';
  return {
    form: '02',
    head: head('02', src, e.at),
    applicant: src.applicant,
    procedureName: src.detail.procedureName,
    stage: atReception ? 'Kiểm tra hồ sơ trước khi tiếp nhận' : 'Trong quá trình giải quyết hồ sơ',
    items: itemsOf(e),
    reason: e.comment?.trim() || null,
    deadline: timeAndDateInWords(supplementDue(src, e)),
    // Only a processing-stage request stops the dossier when unanswered (the lifecycle's `stop`).
    note: atReception ? null : 'Quá thời hạn trên mà hồ sơ chưa được bổ sung, hoàn thiện thì cơ quan dừng giải quyết hồ sơ.',
    signatures: [{ title: 'NGƯỜI HƯỚNG DẪN', name: personOf(e, src) }],
  };
}

function refusal(src: DocumentSource): RefusalView | null {
  // Refused at the counter (`reject`), or a refusal proposed and approved by the leader.
  const e = last(src, (e) => e.action === 'reject' || (e.action === 'approve' && e.toStatus === 'REJECTED'));
  if (!e) return null;
  const atReception = e.action === 'reject';
  return {
    form: '03',
    head: head('03', src, e.at),
    applicant: src.applicant,
    procedureName: src.detail.procedureName,
    atReception,
    reason: src.detail.dossier.reason?.trim() || e.comment?.trim() || '',
    signatures: [{ title: atReception ? 'NGƯỜI TIẾP NHẬN HỒ SƠ' : 'THỦ TRƯỞNG CƠ QUAN', name: personOf(e, src) }],
  };
}

function apology(src: DocumentSource): ApologyView | null {
  const d = src.detail.dossier;
  const e = last(src, (e) => e.action === 'extend');
  const newDueAt = typeof e?.data.newDueAt === 'string' ? new Date(e.data.newDueAt) : null;
  if (!e || !newDueAt || Number.isNaN(newDueAt.getTime()) || !d.receivedAt || !d.dueAt) return null;
  return {
    form: '04',
    head: head('04', src, e.at),
    applicant: src.applicant,
    procedureName: src.detail.procedureName,
    receivedAt: timeAndDateInWords(d.receivedAt),
    // The legal due date: an extension never moves it (statistics keep it).
    dueAt: timeAndDateInWords(d.dueAt),
    reason: (typeof e.data.reason === 'string' && e.data.reason.trim()) || e.comment?.trim() || '',
    newDueAt: timeAndDateInWords(newDueAt),
    signatures: [{ title: 'ĐẠI DIỆN CƠ QUAN GIẢI QUYẾT', name: personOf(e, src) }],
  };
}

function stop(src: DocumentSource): StopView | null {
  const events = src.detail.events;
  const e = last(src, (e) => e.action === 'stop');
  if (!e) return null;
  const request = events.slice(0, events.indexOf(e)).findLast((x) => x.action === 'request-supplement');
  return {
    form: '05',
    head: head('05', src, e.at),
    applicant: src.applicant,
    procedureName: src.detail.procedureName,
    requestedAt: request ? timeAndDateInWords(request.at) : null,
    items: request ? itemsOf(request) : [],
    deadline: request ? timeAndDateInWords(supplementDue(src, request)) : null,
    // Stopped by the portal's timer: the agency issues it, no officer signs.
    signatures: [{ title: 'CƠ QUAN GIẢI QUYẾT HỒ SƠ', hint: '(Ký, đóng dấu)', name: src.issuer.name }],
  };
}

function tracking(src: DocumentSource): TrackingView | null {
  const d = src.detail.dossier;
  if (!d.receivedAt || !d.dueAt) return null;
  return {
    form: '06',
    head: head('06', src, d.receivedAt),
    applicant: src.applicant,
    procedureName: src.detail.procedureName,
    receivedAt: timeAndDateInWords(d.receivedAt),
    dueAt: timeAndDateInWords(d.rescheduledAt ?? d.dueAt),
    rows: trackingRows({
      events: src.detail.events,
      definition: src.definition,
      calendar: src.calendar,
      applicantName: src.applicant.name,
      people: src.people,
      agencies: src.agencies,
    }),
  };
}

function head(form: DocumentForm, src: DocumentSource, issuedAt: Date): DocumentHead {
  const { dossier } = src.detail;
  // Refused or sent back at the counter before reception: no code was ever given, so nothing to look up.
  const code = dossier.code;
  return {
    form,
    title: TITLES[form],
    parentAgency: src.issuer.parentName,
    agency: src.issuer.name,
    code,
    placeAndDate: placeAndDate(null, issuedAt),
    issuedAt,
    lookupUrl: code ? `${src.publicUrl}/lookup/${encodeURIComponent(code)}` : null,
    fileName: `${code ?? `ho-so-${dossier.id.slice(0, 8)}`}-${form}.pdf`,
  };
}

/** Every component the dossier has: its current files, or the data that stood in for it. */
function components(src: DocumentSource): ReceiptView['components'] {
  const current = src.detail.files.filter((f) => !f.replacedAt);
  return src.definition.components.flatMap((c) => {
    const files = current.filter((f) => f.componentCode === c.code);
    if (files.length > 0) {
      const source = FILE_SOURCES[files[0].source] ?? FILE_SOURCES.UPLOAD;
      return [{ name: c.name.vi, detail: `${source}: ${files.map((f) => f.fileName).join(', ')}` }];
    }
    const by = c.satisfiedBy;
    if (!by) return [];
    const data =
      'profile' in by
        ? `${PROFILE_FACTS[by.profile]} trong Cơ sở dữ liệu quốc gia về dân cư`
        : `kết quả thủ tục ${resultProcedureOf(c)} đã cấp`;
    return [{ name: c.name.vi, detail: `Không phải nộp: thay thế bằng ${data}` }];
  });
}

/** The event that received the dossier: online reception, or counter intake straight into processing. */
function receptionEvent(src: DocumentSource): EventLike | undefined {
  return src.detail.events.find((e) => e.action === 'receive') ?? src.detail.events.find((e) => e.toStatus === 'IN_PROGRESS');
}

function last(src: DocumentSource, match: (e: DocumentSource['detail']['events'][number]) => boolean) {
  return src.detail.events.findLast(match);
}

function personOf(e: EventLike | undefined, src: DocumentSource): string | null {
  if (!e?.actorId) return null;
  return e.actorRole === 'CITIZEN' ? src.applicant.name : (src.people.get(e.actorId) ?? null);
}

function itemsOf(e: EventLike): string[] {
  const items = e.data?.items;
  return Array.isArray(items) ? items.filter((i): i is string => typeof i === 'string') : [];
}

/**
 * The citizen's deadline to supplement: the dossier's own while that request is
 * still waiting, else as the request recorded it, else (a request recorded
 * before events kept it) recomputed as the lifecycle effect computed it.
 */
function supplementDue(src: DocumentSource, request: EventLike): Date {
  const d = src.detail.dossier;
  const latest = src.detail.events.findLast((e) => e.action === 'request-supplement');
  if (latest === request && d.supplementDueAt) return d.supplementDueAt;
  const recorded = recordedDueOf(request);
  if (recorded) return recorded;
  return src.calendar.addWorkingHours(src.calendar.clockStart(request.at), src.definition.supplementDeadlineDays * HOURS_PER_DAY);
}
