import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AgencyEntity } from '../agencies/agency.entity.js';
import { Problem, type FieldError } from '../common/problem.js';
import { hasRole, type Principal } from '../common/roles.js';
import { mimeNames, sniffFile } from '../procedures/forms/components.js';
import { DEFAULT_ACCEPT, DEFAULT_MAX_BYTES, PROFILE_FACTS, type ProcedureDefinition } from '../procedures/forms/definition.js';
import { createApplicant, findApplicant, type CounterApplicant } from './counter-applicant.js';
import type { ScannedFile } from './counter-intake.dto.js';
import { DossierContextService } from './dossier-context.service.js';
import { nextDossierCode } from './dossier-code.js';
import { enqueueNotifications, recordEvent } from './dossier-recording.js';
import { completeness } from './dossier-rules.js';
import { DossierEntity, DossierFileEntity } from './dossier.entity.js';
import { effectOf } from './effects.js';
import { FILE_STORAGE, type FileStorage } from './files/storage.js';
import { recordReuse } from '../results/reuse-record.js';

export interface CounterIntake {
  procedureCode: string;
  applicant: CounterApplicant;
  formData?: unknown;
  /** One scan per component, uploaded by the receptionist with the intake. */
  scans: ScannedFile[];
}

interface CheckedScan extends ScannedFile {
  mimeType: string;
}

/**
 * A paper dossier taken in at the counter (DOMAIN.md: "counter intake"): the
 * receptionist finds or opens the citizen's account, scans every component,
 * and the dossier is received at once. One transaction: the account, the
 * dossier (channel COUNTER, at the receptionist's agency), its scans, the
 * reception (code, clock, first processing step: the same `receive` effect as
 * an online dossier), one event `counter-intake` and the outbox row. Every
 * problem (applicant, form, components, files) is answered at once with 422,
 * and nothing is written, not even the files.
 */
@Injectable()
export class CounterIntakeService {
  constructor(
    private readonly db: DataSource,
    private readonly context: DossierContextService,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
  ) {}

  async intake(by: Principal, input: CounterIntake): Promise<DossierEntity> {
    const agency = this.agencyOf(by);
    return this.db.transaction(async (tx) => {
      const now = new Date();
      const { proc, definition, scans, result, existing, errors } = await this.validate(tx, agency, input, now);
      if (errors.length > 0) throw Problem.validation(errors);

      const applicantId = existing?.id ?? (await createApplicant(tx, input.applicant, by));
      const dossier = tx.create(DossierEntity, {
        procedureId: proc.id,
        procedureVersionId: proc.versionId,
        procedureCode: proc.code,
        agencyId: agency.id,
        currentAgencyId: agency.id,
        applicantId,
        channel: 'COUNTER',
        status: 'SUBMITTED', // for the reception effect; saved as received below
        formData: result.formData,
        digitised: result.digitised,
        feeAmount: definition.fee.amount,
        feePayWhen: definition.fee.payWhen,
        submittedAt: now,
        receptionSupplements: 0,
        processingSupplements: 0,
        extended: false,
        version: 1,
      });
      const effect = effectOf('receive', 'IN_PROGRESS', dossier, {}, { now, calendar: await this.context.calendar(tx), definition });
      Object.assign(dossier, effect.patch);
      dossier.code = await nextDossierCode(tx, await tx.findOneByOrFail(AgencyEntity, { id: agency.id }), now);
      await tx.save(dossier);

      for (const scan of scans) await this.store(tx, dossier.id, scan, by.id);
      // What data stood in for (no scan) counts as reuse, as at an online submission.
      const facts = existing
        ? (await this.context.applicantData(tx, { applicantId }, definition)).profileFacts
        : new Set<string>(PROFILE_FACTS);
      await recordReuse(tx, { id: dossier.id, applicantId }, definition, facts);
      await recordEvent(
        tx,
        dossier,
        { status: null, step: null },
        {
          role: 'RECEPTIONIST',
          actorId: by.id,
          action: 'counter-intake',
          // The reception's own record (due instant, first step's deadline) as for an online dossier.
          data: { ...effect.data, channel: 'COUNTER', applicantCreated: !existing, scanned: scans.map((s) => s.componentCode) },
        },
      );
      // The citizen is told of the reception as for an online dossier.
      await enqueueNotifications(tx, dossier, 'receive');
      return dossier;
    });
  }

  /**
   * Every problem of an intake without writing anything: for the counter page,
   * which checks the applicant's fields itself and lists all problems at once.
   * `applicant` null: the person is not identified yet (checked as a new person).
   */
  async check(by: Principal, input: Omit<CounterIntake, 'applicant'> & { applicant: CounterApplicant | null }): Promise<FieldError[]> {
    const agency = this.agencyOf(by);
    const applicant = input.applicant ?? { citizenId: '', fullName: '' };
    return (await this.validate(this.db.manager, agency, { ...input, applicant }, new Date())).errors;
  }

  private agencyOf(by: Principal): NonNullable<Principal['agency']> {
    if (!hasRole(by, 'RECEPTIONIST') || !by.agency) throw Problem.forbidden();
    return by.agency;
  }

  /** The procedure in force (served here), the scans checked by content, the form and components complete. */
  private async validate(tx: EntityManager, agency: NonNullable<Principal['agency']>, input: CounterIntake, now: Date) {
    const proc = await this.procedure(tx, input.procedureCode);
    const definition = await this.context.definition(proc.versionId, tx);
    if (!definition.agencyCodes.includes(agency.code))
      throw Problem.validation([{ path: 'procedureCode', code: 'dossier.agencyNotServing' }]);

    const { scans, errors: fileErrors } = await checkScans(definition, input.scans);
    const existing = input.applicant.citizenId ? await findApplicant(tx, input.applicant.citizenId) : null;
    const held = existing ? await this.context.applicantData(tx, { applicantId: existing.id }) : null;
    const result = completeness(definition, input.formData ?? {}, scans.map(fileMeta), {
      agencies: await this.context.agencies(tx),
      today: this.context.today(now),
      // The person is identified by the citizen ID shown at the counter: the profile facts are known.
      profileFacts: held?.profileFacts ?? new Set(PROFILE_FACTS),
      heldResults: held?.heldResults ?? new Set<string>(),
    });
    // A bad scan is told once, as itself, not again as a missing component.
    const told = new Set(fileErrors.map((e) => e.path));
    const errors = [...fileErrors, ...result.errors.map(prefixFormPath).filter((e) => !told.has(e.path))];
    return { proc, definition, scans, result, existing, errors };
  }

  private async procedure(tx: EntityManager, code: string) {
    const [proc] = (await tx.query(
      `SELECT p.id, p.code, v.id AS "versionId"
         FROM procedure p JOIN procedure_version v ON v.procedure_id = p.id AND v.version = p.current_version
        WHERE p.code = $1`,
      [code],
    )) as { id: string; code: string; versionId: string }[];
    if (!proc) throw Problem.validation([{ path: 'procedureCode', code: 'procedure.notFound' }]);
    return proc;
  }

  /** Stored only once everything is valid, so a refused intake leaves no file behind. */
  private async store(tx: EntityManager, dossierId: string, scan: CheckedScan, by: string) {
    const stored = await this.storage.put(scan.bytes);
    await tx.insert(DossierFileEntity, {
      dossierId,
      componentCode: scan.componentCode,
      storageKey: stored.key,
      sha256: stored.sha256,
      fileName: scan.fileName.slice(0, 255) || scan.componentCode,
      mimeType: scan.mimeType,
      sizeBytes: scan.bytes.byteLength,
      source: 'SCAN',
      uploadedBy: by,
    });
  }
}

/** Each scan's type by its content and its size by the component's limit; one error per bad scan, at `components.<code>`. */
async function checkScans(def: ProcedureDefinition, scans: ScannedFile[]): Promise<{ scans: CheckedScan[]; errors: FieldError[] }> {
  const ok: CheckedScan[] = [];
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  for (const scan of scans) {
    const path = `components.${scan.componentCode}`;
    const component = def.components.find((c) => c.code === scan.componentCode);
    if (!component) {
      errors.push({ path, code: 'dossier.unknownComponent' });
      continue;
    }
    if (seen.has(component.code)) {
      errors.push({ path, code: 'counter.oneScanPerComponent' });
      continue;
    }
    seen.add(component.code);
    const accept = component.accept ?? DEFAULT_ACCEPT;
    const sniffed = await sniffFile(scan.bytes);
    if (!sniffed || !accept.includes(sniffed.mime)) errors.push({ path, code: 'dossier.fileType', params: { accept: mimeNames(accept) } });
    else if (scan.bytes.byteLength > (component.maxBytes ?? DEFAULT_MAX_BYTES)) errors.push({ path, code: 'dossier.fileTooLarge' });
    else ok.push({ ...scan, mimeType: sniffed.mime });
  }
  return { scans: ok, errors };
}

function fileMeta(s: CheckedScan) {
  return { componentCode: s.componentCode, mimeType: s.mimeType, sizeBytes: s.bytes.byteLength };
}

/** The validator names form fields by their key; the API names them `formData.<key>`. */
function prefixFormPath(e: FieldError): FieldError {
  return e.path.startsWith('formData.') || e.path.startsWith('components.') ? e : { ...e, path: `formData.${e.path}` };
}
