import { Inject, Injectable } from '@nestjs/common';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { AccessService } from '../common/access.service.js';
import { Problem } from '../common/problem.js';
import { hasRole, type Principal } from '../common/roles.js';
import { mimeNames, sniffFile } from '../procedures/forms/components.js';
import { DEFAULT_MAX_BYTES } from '../procedures/forms/definition.js';
import { DossierContextService } from './dossier-context.service.js';
import { DossierHooks, type Acting } from './dossier-hooks.js';
import { completeness } from './dossier-rules.js';
import { lockDossier, lockDossierWithFiles, prepared, writeChange, type CurrentFile } from './dossier-recording.js';
import { DossierEntity, DossierFileEntity } from './dossier.entity.js';
import { effectOf, type ActionInput } from './effects.js';
import { FILE_STORAGE, type FileStorage } from './files/storage.js';
import { checkTransition, type Actor, type DossierAction } from './lifecycle.js';

export type { Acting } from './dossier-hooks.js';

/** Statuses in which the citizen may still change the form and the files. */
const EDITABLE = new Set(['DRAFT', 'RECEPTION_SUPPLEMENT', 'SUPPLEMENT_REQUESTED']);

/**
 * Every change to a dossier. A state change is one transaction in a fixed
 * order: lock → access → version → transition → effect → save → event →
 * outbox. Of two concurrent actions, the second finds a new version: 409.
 */
@Injectable()
export class DossierCommandsService {
  constructor(
    private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly context: DossierContextService,
    private readonly hooks: DossierHooks,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
  ) {}

  /**
   * A citizen starts a dossier from the version in force of a procedure, at one of its agencies.
   * One statement: the procedure in force and the agency read, the dossier and its `create` event written.
   */
  async createDraft(user: Principal, input: { procedureCode: string; agencyCode: string; formData?: unknown }): Promise<{ id: string }> {
    const [row] = (await this.db.query(
      prepared(`WITH p AS (
         SELECT p.id, p.code, v.id AS version_id, v.definition, a.id AS agency_id,
                coalesce(v.definition->'agencyCodes' ? $2, false) AS serving
           FROM procedure p JOIN procedure_version v ON v.procedure_id = p.id AND v.version = p.current_version
           LEFT JOIN agency a ON a.code = $2
          WHERE p.code = $1),
       d AS (
         INSERT INTO dossier (procedure_id, procedure_version_id, procedure_code, agency_id, current_agency_id, applicant_id,
                              channel, status, form_data, fee_amount, fee_pay_when)
         SELECT id, version_id, code, agency_id, agency_id, $3, 'ONLINE', 'DRAFT', $4::jsonb,
                coalesce((definition->'fee'->>'amount')::numeric::bigint, 0), coalesce(definition->'fee'->>'payWhen', 'ON_SUBMIT')
           FROM p WHERE serving AND agency_id IS NOT NULL
         RETURNING id),
       e AS (
         INSERT INTO dossier_event (dossier_id, actor_id, actor_role, action, from_status, to_status)
         SELECT id, $3, 'CITIZEN', 'create', NULL, 'DRAFT' FROM d)
       SELECT p.code, p.serving, p.agency_id IS NOT NULL AS "agencyExists", d.id FROM p LEFT JOIN d ON true`),
      [input.procedureCode, input.agencyCode, user.id, JSON.stringify(asObject(input.formData))],
    )) as { code: string; serving: boolean; agencyExists: boolean; id: string | null }[];
    if (!row) throw Problem.validation([{ path: 'procedureCode', code: 'procedure.notFound' }]);
    if (!row.serving) throw Problem.validation([{ path: 'agencyCode', code: 'dossier.agencyNotServing' }]);
    if (!row.agencyExists || !row.id) throw new Error(`agency ${input.agencyCode} is served by ${row.code} but does not exist`);
    return { id: row.id };
  }

  /** Saves the form as typed; it is checked in full on submission. */
  async updateForm(user: Principal, id: string, formData: unknown): Promise<DossierEntity> {
    return this.db.transaction(async (tx) => {
      const d = await this.lockOwn(tx, user, id);
      if (!EDITABLE.has(d.status)) throw Problem.conflict('dossier.notEditable');
      await tx.update(DossierEntity, { id }, asPatch({ formData: asObject(formData), version: d.version + 1, updatedAt: new Date() }));
      return tx.findOneByOrFail(DossierEntity, { id });
    });
  }

  /** A component's file: type checked by its content, size by the component's limit, stored with its sha256. */
  async attachFile(
    user: Principal,
    id: string,
    input: { componentCode: string; fileName: string; bytes: Uint8Array },
  ): Promise<DossierFileEntity> {
    const sniffed = await sniffFile(input.bytes);
    return this.db.transaction(async (tx) => {
      const d = await this.lockVisible(tx, user, id);
      const staff = hasRole(user, 'RECEPTIONIST') && d.applicantId !== user.id;
      if (staff ? d.channel !== 'COUNTER' && d.status !== 'SUBMITTED' : !EDITABLE.has(d.status))
        throw Problem.conflict('dossier.notEditable');
      const def = await this.context.definition(d.procedureVersionId, tx);
      const component = def.components.find((c) => c.code === input.componentCode);
      if (!component) throw Problem.validation([{ path: 'componentCode', code: 'dossier.unknownComponent' }]);
      const accept = component.accept ?? ['application/pdf', 'image/jpeg', 'image/png'];
      if (!sniffed || !accept.includes(sniffed.mime))
        throw Problem.validation([{ path: 'file', code: 'dossier.fileType', params: { accept: mimeNames(accept) } }]);
      if (input.bytes.byteLength > (component.maxBytes ?? DEFAULT_MAX_BYTES))
        throw Problem.validation([{ path: 'file', code: 'dossier.fileTooLarge' }]);
      const stored = await this.storage.put(input.bytes);
      const now = new Date();
      await tx.update(DossierFileEntity, { dossierId: id, componentCode: component.code, replacedAt: IsNull() }, { replacedAt: now });
      const file = tx.create(DossierFileEntity, {
        dossierId: id,
        componentCode: component.code,
        storageKey: stored.key,
        sha256: stored.sha256,
        fileName: input.fileName.slice(0, 255) || component.code,
        mimeType: sniffed.mime,
        sizeBytes: input.bytes.byteLength,
        source: staff ? 'SCAN' : d.status === 'DRAFT' ? 'UPLOAD' : 'SUPPLEMENT',
        uploadedBy: user.id,
      });
      await tx.save(file);
      await tx.update(DossierEntity, { id }, { version: d.version + 1, updatedAt: now });
      return file;
    });
  }

  /** DRAFT → SUBMITTED, with every problem of the form and the components listed at once (422). */
  submit(user: Principal, id: string): Promise<DossierEntity> {
    return this.act(user, id, 'submit', {});
  }

  answerSupplement(user: Principal, id: string, input: { formData?: unknown; comment?: string }): Promise<DossierEntity> {
    return this.act(user, id, 'answer-supplement', { comment: input.comment }, input.formData);
  }

  /**
   * The one state-changing method. `version` (when given) must be the
   * dossier's current version: an officer acting on a stale page gets 409.
   */
  async act(
    by: Acting,
    id: string,
    action: DossierAction,
    request: ActionInput & { version?: number; toAgencyCode?: string },
    formData?: unknown,
  ): Promise<DossierEntity> {
    const checksForm = action === 'submit' || action === 'answer-supplement';
    return this.db.transaction(async (tx) => {
      // The current files come with the locked row when the form and components are checked.
      const locked = checksForm ? await lockDossierWithFiles(tx, id) : { dossier: await lockDossier(tx, id), files: [] };
      const d = locked.dossier;
      if (by !== 'SYSTEM' && d.applicantId !== by.id)
        await this.access.assertCanSee(by, { agencyId: d.currentAgencyId }, tx, 'dossier.notFound');
      if (request.version !== undefined && request.version !== d.version) throw Problem.conflict('dossier.stale');
      const roles: Actor[] = by === 'SYSTEM' ? ['SYSTEM'] : d.applicantId === by.id ? ['CITIZEN'] : by.roles.filter((r) => r !== 'CITIZEN');
      const check = checkTransition(d.status, action, roles, { proposal: d.proposal });
      if (!check.ok) throw check.reason === 'NOT_FROM_STATUS' ? Problem.conflict('dossier.notAllowedNow') : Problem.forbidden();
      const now = new Date();
      // On the transaction's connection, never a second one from the pool (see DossierContextService.definition).
      const [definition, calendar] = await Promise.all([this.context.definition(d.procedureVersionId, tx), this.context.calendar(tx)]);
      const input: ActionInput = {
        ...request,
        toAgencyId: request.toAgencyCode ? await this.agencyId(tx, request.toAgencyCode) : undefined,
      };

      if (formData !== undefined) d.formData = asObject(formData);
      // Everything missing is listed at once: the form's and the components' problems with any a hook adds (an unpaid fee).
      const incomplete = checksForm
        ? await this.assertComplete(tx, d, locked.files, by, now, definition).then(() => null, validationOnly)
        : null;
      const transition = { tx, action, from: d.status, to: check.to, by, now, definition };
      await this.hooks.before({ ...transition, dossier: d }).catch((e: unknown) => {
        throw incomplete && e instanceof Problem && e.status === 422 ? Problem.validation([...incomplete.errors, ...e.errors]) : e;
      });
      if (incomplete) throw incomplete;

      const effect = effectOf(action, check.to, d, input, { now, calendar, definition });
      if (action === 'forward' && input.assigneeId) {
        await this.assertCanTake(tx, input.assigneeId, effect.patch.currentAgencyId ?? d.currentAgencyId, definition, effect.patch.step);
      }
      const patch: Partial<DossierEntity> = { ...effect.patch, version: d.version + 1, updatedAt: now };
      // The form is written only when it changed (given, or normalised by the completeness check).
      if (formData !== undefined || checksForm) Object.assign(patch, { formData: d.formData, digitised: d.digitised });
      const before = { status: d.status, step: d.step };
      const after = Object.assign(d, patch);
      const role =
        by === 'SYSTEM'
          ? 'SYSTEM'
          : (roles.find((r) => checkTransition(before.status, action, [r], { proposal: d.proposal }).ok) ?? roles[0]);
      // The code counter, the row, the event and the outbox rows: one statement.
      await writeChange(tx, {
        after,
        patch,
        before,
        event: { role, actorId: by === 'SYSTEM' ? null : by.id, action, comment: input.comment ?? null, data: effect.data },
        notify: action,
        newCode: effect.needsCode ? { agency: await this.context.agencyRef(d.agencyId, tx), at: now } : undefined,
      });
      await this.hooks.after({ ...transition, dossier: after });
      return after;
    });
  }

  /** Validates form and components; stores the normalised form and the digitised flag on `d`. */
  private async assertComplete(
    tx: EntityManager,
    d: DossierEntity,
    files: CurrentFile[],
    by: Acting,
    now: Date,
    definition: Awaited<ReturnType<DossierContextService['definition']>>,
  ) {
    // The applicant acting: their citizen ID is the principal's, no query for it.
    const known = by !== 'SYSTEM' && by.id === d.applicantId ? { citizenId: by.citizenId } : undefined;
    const applicant = await this.context.applicantData(tx, d, definition, known);
    const result = completeness(definition, d.formData, files, {
      agencies: await this.context.agenciesFor(tx, definition),
      today: this.context.today(now),
      ...applicant,
    });
    if (result.errors.length > 0)
      throw Problem.validation(
        result.errors.map((e) =>
          e.path.startsWith('formData.') || e.path.startsWith('components.') ? e : { ...e, path: `formData.${e.path}` },
        ),
      );
    d.formData = result.formData;
    d.digitised = result.digitised;
  }

  private async agencyId(tx: EntityManager, code: string): Promise<string> {
    const [agency] = (await tx.query(`SELECT id FROM agency WHERE code = $1`, [code])) as { id: string }[];
    if (!agency) throw Problem.validation([{ path: 'toAgencyCode', code: 'agency.notFound' }]);
    return agency.id;
  }

  /** A forward's assignee: active staff of the agency that will hold the dossier, with the role of the step it goes to. */
  private async assertCanTake(
    tx: EntityManager,
    assigneeId: string,
    agencyId: string,
    definition: Awaited<ReturnType<DossierContextService['definition']>>,
    step: string | null | undefined,
  ): Promise<void> {
    const role = definition.workflow.steps.find((s) => s.key === step)?.role;
    const [ok] = role
      ? ((await tx.query(`SELECT 1 FROM app_user WHERE id = $1 AND agency_id = $2 AND active AND $3 = ANY(roles)`, [
          assigneeId,
          agencyId,
          role,
        ])) as unknown[])
      : [];
    if (!ok) throw Problem.validation([{ path: 'assigneeId', code: 'workspace.assigneeNotEligible' }]);
  }

  /** Another citizen's dossier, or another agency's, is answered as not found. */
  private async lockVisible(tx: EntityManager, user: Principal, id: string): Promise<DossierEntity> {
    const d = await lockDossier(tx, id);
    if (d.applicantId !== user.id) await this.access.assertCanSee(user, { agencyId: d.currentAgencyId }, tx, 'dossier.notFound');
    return d;
  }

  private async lockOwn(tx: EntityManager, user: Principal, id: string): Promise<DossierEntity> {
    const d = await lockDossier(tx, id);
    if (d.applicantId !== user.id) throw Problem.notFound('dossier.notFound');
    return d;
  }
}

/** A 422 is kept to be listed with the others; any other error goes on at once. */
function validationOnly(e: unknown): Problem {
  if (e instanceof Problem && e.status === 422) return e;
  throw e;
}

function asObject(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

/** TypeORM's deep-partial type cannot see through jsonb columns. */
function asPatch(patch: Partial<DossierEntity>): QueryDeepPartialEntity<DossierEntity> {
  return patch as QueryDeepPartialEntity<DossierEntity>;
}
