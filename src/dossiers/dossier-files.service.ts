import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessService } from '../common/access.service.js';
import { Problem } from '../common/problem.js';
import type { Principal } from '../common/roles.js';
import { isUuid } from '../common/ids.js';
import { DossierEntity, DossierFileEntity } from './dossier.entity.js';
import { FILE_STORAGE, type FileStorage } from './files/storage.js';

/**
 * A component's file, for its owner and the staff who may see the dossier
 * (the same rule as reading the dossier). A file of another dossier, or of a
 * dossier the user may not see, is answered as not found.
 */
@Injectable()
export class DossierFilesService {
  constructor(
    private readonly db: DataSource,
    private readonly access: AccessService,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
  ) {}

  async open(user: Principal, dossierId: string, fileId: string): Promise<{ file: DossierFileEntity; bytes: Uint8Array }> {
    if (!isUuid(dossierId) || !isUuid(fileId)) throw Problem.notFound();
    const d = await this.db.getRepository(DossierEntity).findOneBy({ id: dossierId });
    if (!d) throw Problem.notFound('dossier.notFound');
    if (d.applicantId !== user.id) await this.access.assertCanSee(user, { agencyId: d.currentAgencyId }, undefined, 'dossier.notFound');
    const file = await this.db.getRepository(DossierFileEntity).findOneBy({ id: fileId, dossierId });
    if (!file) throw Problem.notFound();
    return { file, bytes: await this.storage.get(file.storageKey) };
  }
}

/**
 * Headers of a stored file: its sniffed type, never sniffed again by the
 * browser, offered for download under its name (RFC 6266 / 5987 for Vietnamese names).
 */
export function fileHeaders(file: Pick<DossierFileEntity, 'mimeType' | 'fileName' | 'sizeBytes'>): Record<string, string> {
  const ascii = file.fileName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]|["\\]/g, '_');
  return {
    'Content-Type': file.mimeType,
    'Content-Length': String(file.sizeBytes),
    'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'private, no-store',
  };
}
