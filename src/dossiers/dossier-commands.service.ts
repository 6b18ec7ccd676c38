import { Inject, Injectable } from '@nestjs/common';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { AgencyEntity } from '../agencies/agency.entity.js';
import { AccessService } from '../common/access.service.js';
import { Problem } from '../common/problem.js';
import { hasRole, type Principal } from '../common/roles.js';
import { sniffFile } from '../procedures/forms/components.js';
import { DEFAULT_MAX_BYTES } from '../procedures/forms/definition.js';
import { DossierContextService } from './dossier-context.service.js';
import { DossierHooks, type Acting } from './dossier-hooks.js';
import { nextDossierCode } from './dossier-code.js';
import { completeness } from './dossier-rules.js';
import { enqueueNotifications, lockDossier, recordEvent } from './dossier-recording.js';
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

  /** A citizen starts a dossier from the version in force of a procedure, at one of its agencies. */
  async createDraft(user: Principal, input: { procedureCode: string; agencyCode: string; formData?: unknown }): Promise<DossierEntity> {
    return this.db.transaction(async (tx) => {
      // The agency comes with the procedure: one query.
      const [proc] = (await tx.query(
        `SELECT p.id, p.code, v.id AS "versionId", v.definition, a.id AS "agencyId"
           FROM procedure p JOIN procedure_version v ON v.procedure_id = p.id AND v.version = p.current_version
           LEFT JOIN agency a ON a.code = $2
          WHERE p.code = $1`,
        [input.procedureCode, input.agencyCode],
      )) as {
        id: string;
        code: string;
        versionId: string;
        definition: { agencyCodes: string[]; fee: { amount: number; payWhen: string } };
        agencyId: string | null;
      }[];
      if (!proc) throw Problem.validation([{ path: 'procedureCode', code: 'procedure.notFound' }]);
      if (!proc.definition.agencyCodes.includes(input.agencyCode)) {
        throw Problem.validation([{ path: 'agencyCode', code: 'dossier.agencyNotServing' }]);
      }
      if (!proc.agencyId) throw new Error(`agency ${input.agencyCode} is served by ${proc.code} but does not exist`);
      const agency = { id: proc.agencyId };
      const dossier = tx.create(DossierEntity, {
        procedureId: proc.id,
        procedureVersionId: proc.versionId,
        procedureCode: proc.code,
        agencyId: agency.id,
        currentAgencyId: agency.id,
        applicantId: user.id,
        channel: 'ONLINE',
        status: 'DRAFT',
        formData: asObject(input.formData),
        feeAmount: proc.definition.fee.amount,
        feePayWhen: proc.definition.fee.payWhen as 'ON_SUBMIT' | 'BEFORE_RESULT',
      });
      await tx.save(dossier);
      await recordEvent(tx, dossier, { status: null, step: null }, { role: 'CITIZEN', actorId: user.id, action: 'create' });
      return dossier;
    });
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
        throw Problem.validation([{ path: 'file', code: 'dossier.fileType', params: { accept: accept.join(', ') } }]);
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
    return this.db.transaction(async (tx) => {
      const d = by === 'SYSTEM' ? await lockDossier(tx, id) : await this.lockVisible(tx, by, id);
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
      if (action === 'submit' || action === 'answer-supplement') await this.assertComplete(tx, d, now, definition);
      const transition = { tx, action, from: d.status, to: check.to, by, now, definition };
      await this.hooks.before({ ...transition, dossier: d });

      const effect = effectOf(action, check.to, d, input, { now, calendar, definition });
      const patch = { ...effect.patch, formData: d.formData, digitised: d.digitised, version: d.version + 1, updatedAt: now };
      if (effect.needsCode) {
        patch.code = await nextDossierCode(tx, await this.context.agencyRef(d.agencyId, tx), now);
      }
      await tx.update(DossierEntity, { id }, asPatch(patch));
      const before = { status: d.status, step: d.step };
      const after = Object.assign(d, patch);
      const role =
        by === 'SYSTEM'
          ? 'SYSTEM'
          : (roles.find((r) => checkTransition(before.status, action, [r], { proposal: d.proposal }).ok) ?? roles[0]);
      await recordEvent(tx, after, before, {
        role,
        actorId: by === 'SYSTEM' ? null : by.id,
        action,
        comment: input.comment ?? null,
        data: effect.data,
      });
      await enqueueNotifications(tx, after, action);
      await this.hooks.after({ ...transition, dossier: after });
      return after;
    });
  }

  /** Validates form and components; stores the normalised form and the digitised flag on `d`. */
  private async assertComplete(
    tx: EntityManager,
    d: DossierEntity,
    now: Date,
    definition: Awaited<ReturnType<DossierContextService['definition']>>,
  ) {
    const files = await tx.find(DossierFileEntity, { where: { dossierId: d.id, replacedAt: IsNull() } });
    const applicant = await this.context.applicantData(tx, d, definition);
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
    const agency = await tx.findOneBy(AgencyEntity, { code });
    if (!agency) throw Problem.validation([{ path: 'toAgencyCode', code: 'agency.notFound' }]);
    return agency.id;
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

function asObject(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

/** TypeORM's deep-partial type cannot see through jsonb columns. */
function asPatch(patch: Partial<DossierEntity>): QueryDeepPartialEntity<DossierEntity> {
  return patch as QueryDeepPartialEntity<DossierEntity>;
}
