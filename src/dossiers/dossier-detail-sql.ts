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
