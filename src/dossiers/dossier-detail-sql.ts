/**
 * A dossier's events and files as JSON columns of the dossier's own row, so
 * that the whole detail (answered after every action) is one query instead of
 * three, and their mapping back to the entities TypeORM would have built.
 */
import { DossierEventEntity, DossierFileEntity } from './dossier.entity.js';

/** Sub-selects for `addSelect`; `d` is the dossier's alias. Bigint ids as text, as TypeORM reads them. */
export const EVENTS_JSON = `(SELECT coalesce(json_agg(json_build_object(
    'id', e.id::text, 'dossierId', e.dossier_id, 'at', e.at, 'actorId', e.actor_id, 'actorRole', e.actor_role,
    'action', e.action, 'fromStatus', e.from_status, 'toStatus', e.to_status, 'fromStep', e.from_step,
    'toStep', e.to_step, 'comment', e.comment, 'data', e.data) ORDER BY e.id), '[]')
  FROM dossier_event e WHERE e.dossier_id = d.id)`;

export const FILES_JSON = `(SELECT coalesce(json_agg(json_build_object(
    'id', f.id, 'dossierId', f.dossier_id, 'componentCode', f.component_code, 'storageKey', f.storage_key,
    'fileName', f.file_name, 'mimeType', f.mime_type, 'sizeBytes', f.size_bytes, 'sha256', f.sha256,
    'source', f.source, 'uploadedBy', f.uploaded_by, 'uploadedAt', f.uploaded_at, 'replacedAt', f.replaced_at)
    ORDER BY f.uploaded_at), '[]')
  FROM dossier_file f WHERE f.dossier_id = d.id)`;

/** The fee's payment as the detail shows it: the payment that went through, else the latest attempt; and any exemption. */
export const PAYMENT_JSON = `(SELECT json_build_object(
    'payment', (SELECT json_build_object('id', p.id, 'status', p.status, 'channel', p.channel, 'amount', p.amount,
        'receiptSeries', p.receipt_series, 'receiptNo', p.receipt_no, 'paidAt', p.paid_at)
      FROM payment p WHERE p.dossier_id = d.id ORDER BY (p.status IN ('PAID', 'REFUNDED') AND NOT p.duplicate) DESC, p.created_at DESC LIMIT 1),
    'exemption', (SELECT json_build_object('category', x.category, 'reason', x.reason, 'grantedAt', x.granted_at)
      FROM fee_exemption x WHERE x.dossier_id = d.id)))`;

export interface PaymentFacts {
  payment: {
    id: string;
    status: 'PENDING' | 'PAID' | 'FAILED' | 'EXPIRED' | 'REFUNDED';
    channel: 'ONLINE' | 'CASH';
    amount: number;
    receiptSeries: string | null;
    receiptNo: number | null;
    paidAt: string | null;
  } | null;
  exemption: { category: string; reason: string; grantedAt: string } | null;
}

/** `payment` of the API's dossier: null without a fee; UNPAID before any attempt, EXEMPT when waived. */
export function paymentOfDossier(feeAmount: number, facts: PaymentFacts | undefined) {
  if (feeAmount <= 0) return null;
  const p = facts?.payment ?? null;
  const settledBy = p && (p.status === 'PAID' || p.status === 'REFUNDED') ? p : null;
  return {
    status: settledBy?.status ?? (facts?.exemption ? 'EXEMPT' : (p?.status ?? 'UNPAID')),
    amount: Number(p?.amount ?? feeAmount),
    currency: 'VND',
    channel: p?.channel ?? null,
    paymentId: p?.id ?? null,
    receiptSeries: settledBy?.receiptSeries ?? null,
    receiptNo: settledBy?.receiptNo ?? null,
    paidAt: settledBy?.paidAt ? new Date(settledBy.paidAt).toISOString() : null,
    exemption: facts?.exemption ? { category: facts.exemption.category, reason: facts.exemption.reason } : null,
  };
}

/** The dossier's latest result (src/results): the one in force, or the last one revoked. */
export const RESULT_JSON = `(SELECT json_build_object('id', r.id, 'documentNo', r.document_no, 'issuedAt', r.issued_at,
    'verifyToken', r.verify_token, 'verifyUrl', r.verify_url, 'status', r.status)
  FROM result_document r WHERE r.dossier_id = d.id ORDER BY r.issued_at DESC, r.series_no DESC LIMIT 1)`;

export interface ResultFacts {
  id: string;
  documentNo: string;
  issuedAt: string;
  verifyToken: string;
  verifyUrl: string;
  status: 'ISSUED' | 'REVOKED' | 'SUPERSEDED';
}

type Json<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] };

/** Instants come as ISO strings with an offset; `new Date` keeps their milliseconds, as the driver does. */
export function eventsFromJson(rows: Json<DossierEventEntity>[]): DossierEventEntity[] {
  return rows.map((r) => Object.assign(new DossierEventEntity(), r, { at: new Date(r.at) }));
}

export function filesFromJson(rows: Json<DossierFileEntity>[]): DossierFileEntity[] {
  return rows.map((r) =>
    Object.assign(new DossierFileEntity(), r, {
      sizeBytes: Number(r.sizeBytes),
      uploadedAt: new Date(r.uploadedAt),
      replacedAt: r.replacedAt === null ? null : new Date(r.replacedAt),
    }),
  );
}
