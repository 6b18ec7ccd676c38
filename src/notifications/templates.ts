/**
 * What a notification says, in Vietnamese and English, for every kind: the
 * in-app list shows one language, the email carries both (Vietnamese first).
 * Pure: no Nest, no database, no clock; the dispatcher gathers the params.
 */
import { NOTIFICATION_KINDS, type NotificationKind } from '../dossiers/notifications.js';
import type { Lang } from '../i18n/i18n.js';

/** Alerts to staff, written by the deadline jobs (src/jobs). */
export const ALERT_KINDS = ['dossier.due-soon', 'dossier.overdue', 'dossier.reception-late'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export type MessageKind = NotificationKind | AlertKind;
export const MESSAGE_KINDS: readonly MessageKind[] = [...NOTIFICATION_KINDS, ...ALERT_KINDS];

/** Everything a message may mention; instants are ISO strings (as stored in the outbox payload). */
export interface MessageParams {
  code: string | null;
  procedureCode: string;
  procedureName?: { vi: string; en?: string } | null;
  status?: string;
  /** The legal due date ("hạn trả kết quả"), or the reception deadline of a `reception-late` alert. */
  dueAt?: string | null;
  /** The new appointment after an extension (Form 04). */
  rescheduledAt?: string | null;
  supplementDueAt?: string | null;
  submittedAt?: string | null;
  reason?: string | null;
  /** What the citizen is asked to supplement (Form 02). */
  items?: string[] | null;
}

export interface Message {
  subject: string;
  /** Paragraphs, in order. */
  body: string[];
}

export interface Email {
  subject: string;
  text: string;
}

const HOUR = 3_600_000;
/** Asia/Ho_Chi_Minh is UTC+7 all year (no daylight saving since 1975). */
const LOCAL_OFFSET = 7 * HOUR;

/** An instant as local time, `DD/MM/YYYY HH:mm`, the way dates are written in Vietnam; `—` when unknown. */
export function formatLocal(iso: string | null | undefined): string {
  const ms = iso ? Date.parse(iso) : NaN;
  if (Number.isNaN(ms)) return '—';
  const local = new Date(ms + LOCAL_OFFSET);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(local.getUTCDate())}/${two(local.getUTCMonth() + 1)}/${local.getUTCFullYear()} ${two(local.getUTCHours())}:${two(local.getUTCMinutes())}`;
}

/** Where a notification leads: the dossier's page. */
export function dossierUrl(publicUrl: string, dossierId: string): string {
  return `${publicUrl.replace(/\/$/, '')}/dossiers/${encodeURIComponent(dossierId)}`;
}

type Texts = (p: MessageParams, f: Facts) => Message;

/** What every template needs, worked out once. */
interface Facts {
  /** The procedure: its code and, when known, its name. */
  proc: string;
  /** For subjects: the dossier's code, or (before reception, when it has none) its procedure. */
  ref: string;
  /** In a sentence: "hồ sơ H12.05-251121-0007 (thủ tục 1.001193 – …)", or "hồ sơ thủ tục 1.001193 – …" without a code. */
  dossier: string;
  due: string;
}

const vi: Record<MessageKind, Texts> = {
  'dossier.submitted': (_p, f) => ({
    subject: `Đã nộp hồ sơ thủ tục ${f.proc}`,
    body: [
      `Hồ sơ thủ tục ${f.proc} của bạn đã được nộp trực tuyến.`,
      'Bộ phận một cửa sẽ kiểm tra và trả lời trong vòng 8 giờ làm việc: tiếp nhận, đề nghị bổ sung hoặc từ chối có nêu lý do.',
    ],
  }),
  'dossier.received': (p, f) => ({
    subject: `Hồ sơ ${f.ref} đã được tiếp nhận`,
    body: [`Hồ sơ thủ tục ${f.proc} của bạn đã được tiếp nhận, mã hồ sơ ${p.code ?? '—'}.`, `Hạn trả kết quả: ${f.due}.`],
  }),
  'dossier.supplement-requested': (p, f) => ({
    subject: `Hồ sơ ${f.ref} cần bổ sung`,
    body: [
      `Cơ quan giải quyết đề nghị bạn bổ sung ${f.dossier}.`,
      ...(p.items?.length ? ['Nội dung cần bổ sung:', ...p.items.map((i) => `- ${i}`)] : []),
      // The deadline is read when the mail is sent; once answered it is gone, and so is this line.
      ...(p.supplementDueAt
        ? [`Hạn bổ sung: ${formatLocal(p.supplementDueAt)}. Quá thời hạn này mà chưa bổ sung, hồ sơ sẽ bị dừng xử lý.`]
        : []),
    ],
  }),
  'dossier.rejected': (p, f) => ({
    subject: p.code ? `Hồ sơ ${f.ref} bị từ chối giải quyết` : `Hồ sơ thủ tục ${f.proc} không được tiếp nhận`,
    body: [
      p.code ? `Cơ quan giải quyết từ chối giải quyết ${f.dossier}.` : `Hồ sơ thủ tục ${f.proc} của bạn không được tiếp nhận.`,
      ...(p.reason ? [`Lý do: ${p.reason}`] : []),
    ],
  }),
  'dossier.result-ready': (_p, f) => ({
    subject: `Hồ sơ ${f.ref} đã có kết quả`,
    body: [`${cap(f.dossier)} đã có kết quả.`, 'Bạn có thể tải kết quả điện tử trên trang hồ sơ hoặc nhận tại bộ phận một cửa.'],
  }),
  'dossier.extended': (p, f) => ({
    subject: `Hồ sơ ${f.ref} được hẹn lại ngày trả kết quả`,
    body: [
      `Cơ quan giải quyết xin lỗi vì ${f.dossier} chưa thể trả kết quả đúng hạn ${f.due}.`,
      ...(p.reason ? [`Lý do: ${p.reason}`] : []),
      `Thời hạn trả kết quả mới: ${formatLocal(p.rescheduledAt)}.`,
    ],
  }),
  'dossier.stopped': (_p, f) => ({
    subject: `Hồ sơ ${f.ref} đã bị dừng xử lý`,
    body: [`${cap(f.dossier)} đã bị dừng xử lý vì chưa được bổ sung trong thời hạn quy định.`],
  }),
  'dossier.withdrawn': (_p, f) => ({
    subject: `Hồ sơ ${f.ref} đã được rút`,
    body: [`Bạn đã rút ${f.dossier}. Hồ sơ sẽ không được xử lý tiếp.`],
  }),
  'dossier.returned': (_p, f) => ({
    subject: `Hồ sơ ${f.ref} đã trả kết quả`,
    body: [
      `Kết quả của ${f.dossier} đã được trả cho bạn.`,
      'Cảm ơn bạn đã sử dụng dịch vụ. Bạn có thể đánh giá mức độ hài lòng trên trang hồ sơ.',
    ],
  }),
  'dossier.due-soon': (_p, f) => ({
    subject: `Sắp đến hạn: hồ sơ ${f.ref}`,
    body: [`${cap(f.dossier)} sắp đến hạn trả kết quả: ${f.due}.`],
  }),
  'dossier.overdue': (_p, f) => ({
    subject: `Quá hạn: hồ sơ ${f.ref}`,
    body: [`${cap(f.dossier)} đã quá hạn trả kết quả ${f.due}.`],
  }),
  'dossier.reception-late': (p, f) => ({
    subject: `Quá hạn tiếp nhận: hồ sơ thủ tục ${f.proc}`,
    body: [
      `Hồ sơ thủ tục ${f.proc} nộp trực tuyến lúc ${formatLocal(p.submittedAt)} chưa được tiếp nhận, đề nghị bổ sung hay từ chối trong 8 giờ làm việc (hạn ${f.due}).`,
    ],
  }),
};

const en: Record<MessageKind, Texts> = {
  'dossier.submitted': (_p, f) => ({
    subject: `Dossier filed: ${f.proc}`,
    body: [
      `Your dossier for ${f.proc} has been filed online.`,
      'The one-stop counter will check it and answer within 8 working hours: receive it, ask for a supplement, or refuse it with the reason.',
    ],
  }),
  'dossier.received': (p, f) => ({
    subject: `Dossier ${f.ref} received`,
    body: [`Your dossier for ${f.proc} has been received under code ${p.code ?? '—'}.`, `Result due: ${f.due}.`],
  }),
  'dossier.supplement-requested': (p, f) => ({
    subject: `Dossier ${f.ref} needs a supplement`,
    body: [
      `The agency asks you to supplement ${f.dossier}.`,
      ...(p.items?.length ? ['What is needed:', ...p.items.map((i) => `- ${i}`)] : []),
      ...(p.supplementDueAt
        ? [`Supplement by: ${formatLocal(p.supplementDueAt)}. After that, processing of the dossier will be stopped.`]
        : []),
    ],
  }),
  'dossier.rejected': (p, f) => ({
    subject: p.code ? `Dossier ${f.ref} refused` : `Dossier for ${f.proc} not accepted`,
    body: [
      p.code ? `The agency has refused to resolve ${f.dossier}.` : `Your dossier for ${f.proc} was not accepted.`,
      ...(p.reason ? [`Reason: ${p.reason}`] : []),
    ],
  }),
  'dossier.result-ready': (_p, f) => ({
    subject: `Result ready for dossier ${f.ref}`,
    body: [
      `The result of ${f.dossier} has been issued.`,
      'You can download the electronic result from the dossier page or collect it at the one-stop counter.',
    ],
  }),
  'dossier.extended': (p, f) => ({
    subject: `Dossier ${f.ref}: new appointment`,
    body: [
      `We apologise: ${f.dossier} cannot be resolved by its due date, ${f.due}.`,
      ...(p.reason ? [`Reason: ${p.reason}`] : []),
      `New appointment: ${formatLocal(p.rescheduledAt)}.`,
    ],
  }),
  'dossier.stopped': (_p, f) => ({
    subject: `Dossier ${f.ref} stopped`,
    body: [`Processing of ${f.dossier} has been stopped because the requested supplement did not arrive in time.`],
  }),
  'dossier.withdrawn': (_p, f) => ({
    subject: `Dossier ${f.ref} withdrawn`,
    body: [`You have withdrawn ${f.dossier}. It will not be processed further.`],
  }),
  'dossier.returned': (_p, f) => ({
    subject: `Result of dossier ${f.ref} handed over`,
    body: [
      `The result of ${f.dossier} has been handed over to you.`,
      'Thank you for using the service. You can rate it on the dossier page.',
    ],
  }),
  'dossier.due-soon': (_p, f) => ({
    subject: `Due soon: dossier ${f.ref}`,
    body: [`${cap(f.dossier)} is due soon: ${f.due}.`],
  }),
  'dossier.overdue': (_p, f) => ({
    subject: `Overdue: dossier ${f.ref}`,
    body: [`${cap(f.dossier)} is past its due date, ${f.due}.`],
  }),
  'dossier.reception-late': (p, f) => ({
    subject: `Reception overdue: online dossier for ${f.proc}`,
    body: [
      `The online dossier for ${f.proc}, filed at ${formatLocal(p.submittedAt)}, has not been received, sent back for a supplement or refused within 8 working hours (deadline ${f.due}).`,
    ],
  }),
};

const CATALOGUES: Record<Lang, Record<MessageKind, Texts>> = { vi, en };

/** Sentence case for a phrase that starts a sentence. */
function cap(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const LINK: Record<Lang, string> = { vi: 'Xem hồ sơ', en: 'View the dossier' };
const FOOTER: Record<Lang, string> = {
  vi: 'Đây là thư tự động của Cổng dịch vụ công, vui lòng không trả lời thư này.',
  en: 'This is an automatic message from the public-service portal; please do not reply to it.',
};

export function isMessageKind(kind: string): kind is MessageKind {
  return (MESSAGE_KINDS as readonly string[]).includes(kind);
}

/** One notification in one language: its subject and paragraphs. */
export function renderMessage(kind: MessageKind, params: MessageParams, lang: Lang): Message {
  const name = params.procedureName ? (lang === 'en' ? params.procedureName.en || params.procedureName.vi : params.procedureName.vi) : '';
  const proc = name ? `${params.procedureCode} – ${name}` : params.procedureCode;
  const { code } = params;
  const due = formatLocal(params.dueAt);
  const facts: Facts =
    lang === 'vi'
      ? { proc, due, ref: code ?? `thủ tục ${proc}`, dossier: code ? `hồ sơ ${code} (thủ tục ${proc})` : `hồ sơ thủ tục ${proc}` }
      : { proc, due, ref: code ?? `for ${proc}`, dossier: code ? `dossier ${code} (${proc})` : `the dossier for ${proc}` };
  return CATALOGUES[lang][kind](params, facts);
}

/**
 * The email of a notification: both languages in one mail, Vietnamese first
 * (the user table holds no language preference, and every Vietnamese reader
 * gets the legal wording), each with the link to the dossier page.
 */
export function renderEmail(kind: MessageKind, params: MessageParams, link: string): Email {
  const v = renderMessage(kind, params, 'vi');
  const e = renderMessage(kind, params, 'en');
  const part = (m: Message, lang: Lang) => [...m.body, '', `${LINK[lang]}: ${link}`, '', FOOTER[lang]].join('\n');
  return {
    subject: `${v.subject} / ${e.subject}`,
    text: [part(v, 'vi'), '', '— English —', '', part(e, 'en'), ''].join('\n'),
  };
}
