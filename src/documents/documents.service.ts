import { Inject, Injectable, StreamableFile } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Problem } from '../common/problem.js';
import type { Principal } from '../common/roles.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { DossierContextService } from '../dossiers/dossier-context.service.js';
import { DossierQueriesService, type DossierDetail } from '../dossiers/dossier-queries.service.js';
import { SigningService } from '../signing/signing.service.js';
import type { DocumentForm } from './document-view.js';
import { renderDocument } from './pdf/render-document.js';
import { toDocumentView, type DocumentSource } from './to-document-view.js';

export interface RenderedDocument {
  fileName: string;
  pdf: Buffer;
}

/**
 * A dossier's one-stop forms as PDF, rendered on request from the dossier's
 * current data (nothing is stored: the events are the record, and the same
 * events give the same document). Access is the dossier's: owner or staff of
 * its agency; anyone else gets 404.
 */
@Injectable()
export class DocumentsService {
  constructor(
    private readonly db: DataSource,
    private readonly queries: DossierQueriesService,
    private readonly context: DossierContextService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly signing: SigningService,
  ) {}

  /** 404 `dossier.notFound` for a dossier the user may not see; 404 `document.notIssued` before the form's event. */
  async render(user: Principal, dossierId: string, form: DocumentForm): Promise<RenderedDocument> {
    const detail = await this.queries.get(user, dossierId);
    const view = toDocumentView(form, await this.sourceOf(detail));
    if (!view) throw Problem.notFound('document.notIssued');
    // Signed by the dossier's agency, so that a forged or altered form is detectable.
    const agency = { id: detail.dossier.agencyId, code: detail.agency.code, name: detail.agency.name };
    return { fileName: view.head.fileName, pdf: await this.signing.sign(await renderDocument(view), agency) };
  }

  /** What the mapper needs beyond the detail: the procedure version, the calendar, and names. */
  private async sourceOf(detail: DossierDetail): Promise<DocumentSource> {
    const d = detail.dossier;
    const userIds = [...new Set([d.applicantId, ...detail.events.flatMap((e) => (e.actorId ? [e.actorId] : []))])];
    const agencyIds = [
      ...new Set([d.agencyId, ...detail.events.flatMap((e) => (typeof e.data?.toAgencyId === 'string' ? [e.data.toAgencyId] : []))]),
    ];
    const [definition, calendar, users, agencies] = await Promise.all([
      this.context.definition(d.procedureVersionId),
      this.context.calendar(),
      this.db.query(`SELECT id, full_name, citizen_id, phone, email FROM app_user WHERE id = ANY($1::uuid[])`, [userIds]) as Promise<
        { id: string; full_name: string; citizen_id: string | null; phone: string | null; email: string }[]
      >,
      this.db.query(
        `SELECT a.id, a.name, p.name AS parent_name FROM agency a LEFT JOIN agency p ON p.id = a.parent_id WHERE a.id = ANY($1::uuid[])`,
        [agencyIds],
      ) as Promise<{ id: string; name: string; parent_name: string | null }[]>,
    ]);
    const applicant = users.find((u) => u.id === d.applicantId);
    const issuer = agencies.find((a) => a.id === d.agencyId);
    return {
      detail,
      definition,
      calendar,
      applicant: {
        name: applicant?.full_name ?? '',
        citizenId: applicant?.citizen_id ?? null,
        phone: applicant?.phone ?? null,
        email: applicant?.email ?? null,
      },
      issuer: { name: issuer?.name ?? detail.agency.name, parentName: issuer?.parent_name ?? null },
      people: new Map(users.map((u) => [u.id, u.full_name])),
      agencies: new Map(agencies.map((a) => [a.id, a.name])),
      publicUrl: this.config.publicUrl,
    };
  }
}

/** The HTTP answer: shown in the browser (inline) under a name with the code and form number; personal data, so never cached by proxies. */
export function pdfFile(doc: RenderedDocument): StreamableFile {
  return new StreamableFile(doc.pdf, {
    type: 'application/pdf',
    disposition: `inline; filename="${doc.fileName}"`,
    length: doc.pdf.length,
  });
}
