import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AgencyEntity } from '../agencies/agency.entity.js';
import { audit } from '../audit/audit.js';
import { uniqueViolation } from '../common/db-errors.js';
import { Problem } from '../common/problem.js';
import { diffDefinitions, type DefinitionChange } from './definition-diff.js';
import { checkDefinition } from './forms/check-definition.js';
import type { ProcedureDefinition } from './forms/definition.js';
import { ProcedureEntity, ProcedureVersionEntity } from './procedure.entity.js';

export const PROCEDURE_CODE = /^[0-9A-Za-z][0-9A-Za-z.-]{0,63}$/;

/** Who makes a change: an administrator, or the start-up seed (no one). */
export interface Actor {
  id: string | null;
}

export interface VersionRef {
  code: string;
  version: number;
}

/**
 * The administrator's side of procedures: drafts are edited freely, a
 * published version is frozen, and publishing makes it the one new dossiers use.
 */
@Injectable()
export class ProcedureAdminService {
  constructor(private readonly db: DataSource) {}

  /** A new procedure with its first version, as a draft. */
  async create(body: unknown, actor: Actor): Promise<VersionRef> {
    const { code, rest } = splitCode(body);
    try {
      return await this.db.transaction(async (tx) => {
        const definition = await this.check(tx, rest, code);
        const procedure = await tx.save(tx.create(ProcedureEntity, { code, agencyCodes: [] }));
        await this.insertVersion(tx, procedure, 1, definition, actor);
        await audit(tx, { actorId: actor.id, action: 'procedure.created', targetType: 'procedure', targetId: code });
        return { code, version: 1 };
      });
    } catch (err) {
      if (uniqueViolation(err) === 'procedure_code_key') throw Problem.conflict('procedure.codeTaken', 'code');
      throw err;
    }
  }

  /** A new draft: from the body when given, else a copy of the latest version. One open draft at a time. */
  async createVersion(code: string, body: unknown, actor: Actor): Promise<VersionRef> {
    try {
      return await this.db.transaction(async (tx) => {
        const procedure = await this.lockProcedure(tx, code);
        const latest = await tx.findOne(ProcedureVersionEntity, { where: { procedureId: procedure.id }, order: { version: 'DESC' } });
        if (latest?.status === 'DRAFT') throw Problem.conflict('procedure.draftExists');
        const definition = isEmptyBody(body) ? latest!.definition : await this.check(tx, withoutCode(body, code), code);
        const version = (latest?.version ?? 0) + 1;
        await this.insertVersion(tx, procedure, version, definition, actor);
        await audit(tx, {
          actorId: actor.id,
          action: 'procedure.version-created',
          targetType: 'procedure',
          targetId: code,
          detail: { version },
        });
        return { code, version };
      });
    } catch (err) {
      if (uniqueViolation(err) === 'procedure_one_draft_idx') throw Problem.conflict('procedure.draftExists');
      throw err;
    }
  }

  async updateDraft(code: string, version: number, body: unknown, actor: Actor): Promise<VersionRef> {
    return this.db.transaction(async (tx) => {
      const procedure = await this.lockProcedure(tx, code);
      const row = await this.findVersion(tx, procedure, version);
      if (row.status !== 'DRAFT') throw Problem.conflict('procedure.versionPublished');
      const definition = await this.check(tx, withoutCode(body, code), code);
      await tx.update(ProcedureVersionEntity, { id: row.id }, { definition, updatedAt: new Date() });
      await audit(tx, {
        actorId: actor.id,
        action: 'procedure.draft-updated',
        targetType: 'procedure',
        targetId: code,
        detail: { version },
      });
      return { code, version };
    });
  }

  /** Freezes the draft and makes it the version in force; the catalogue shows it at once. */
  async publish(code: string, version: number, actor: Actor): Promise<VersionRef & { publishedAt: Date }> {
    return this.db.transaction(async (tx) => {
      const procedure = await this.lockProcedure(tx, code);
      const row = await this.findVersion(tx, procedure, version);
      if (row.status !== 'DRAFT') throw Problem.conflict('procedure.versionPublished');
      // The world may have moved since the draft was saved (an agency or a referenced procedure removed).
      const definition = await this.check(tx, row.definition, code);
      const publishedAt = new Date();
      await tx.update(ProcedureVersionEntity, { id: row.id }, { status: 'PUBLISHED', publishedAt, publishedBy: actor.id, definition });
      await tx.update(ProcedureEntity, { id: procedure.id }, catalogueFacts(version, definition));
      await audit(tx, { actorId: actor.id, action: 'procedure.published', targetType: 'procedure', targetId: code, detail: { version } });
      return { code, version, publishedAt };
    });
  }

  async list(): Promise<(ProcedureEntity & { latestVersion: number; latestStatus: string })[]> {
    return (await this.db.query(
      `SELECT p.code, p.current_version AS "currentVersion", p.name, p.sector, p.level,
              v.version AS "latestVersion", v.status AS "latestStatus", v.definition->'name'->>'vi' AS "draftName"
         FROM procedure p
         JOIN LATERAL (SELECT version, status, definition FROM procedure_version
                        WHERE procedure_id = p.id ORDER BY version DESC LIMIT 1) v ON true
        ORDER BY p.code`,
    )) as (ProcedureEntity & { latestVersion: number; latestStatus: string })[];
  }

  async versions(code: string): Promise<ProcedureVersionEntity[]> {
    const procedure = await this.findProcedure(this.db.manager, code);
    return this.db.getRepository(ProcedureVersionEntity).find({ where: { procedureId: procedure.id }, order: { version: 'DESC' } });
  }

  async version(code: string, version: number): Promise<ProcedureVersionEntity> {
    return this.findVersion(this.db.manager, await this.findProcedure(this.db.manager, code), version);
  }

  async diff(code: string, from: number, to: number): Promise<DefinitionChange[]> {
    const [a, b] = await Promise.all([this.version(code, from), this.version(code, to)]);
    return diffDefinitions(a.definition, b.definition);
  }

  private async check(tx: EntityManager, input: unknown, ownCode: string): Promise<ProcedureDefinition> {
    const [codes, agencies] = await Promise.all([
      tx.query(`SELECT code FROM procedure`) as Promise<{ code: string }[]>,
      tx.find(AgencyEntity, { select: { code: true } }),
    ]);
    const result = checkDefinition(input, {
      knownProcedureCodes: new Set([ownCode, ...codes.map((c) => c.code)]),
      knownAgencyCodes: new Set(agencies.map((a) => a.code)),
    });
    if (!result.ok) throw Problem.validation(result.errors);
    return result.definition;
  }

  private async insertVersion(
    tx: EntityManager,
    procedure: ProcedureEntity,
    version: number,
    definition: ProcedureDefinition,
    actor: Actor,
  ) {
    await tx.insert(ProcedureVersionEntity, { procedureId: procedure.id, version, status: 'DRAFT', definition, createdBy: actor.id });
  }

  private async findProcedure(tx: EntityManager, code: string): Promise<ProcedureEntity> {
    const procedure = await tx.findOneBy(ProcedureEntity, { code });
    if (!procedure) throw Problem.notFound('procedure.notFound');
    return procedure;
  }

  /** Serialises the changes of one procedure's versions. */
  private async lockProcedure(tx: EntityManager, code: string): Promise<ProcedureEntity> {
    const procedure = await tx.findOne(ProcedureEntity, { where: { code }, lock: { mode: 'pessimistic_write' } });
    if (!procedure) throw Problem.notFound('procedure.notFound');
    return procedure;
  }

  private async findVersion(tx: EntityManager, procedure: ProcedureEntity, version: number): Promise<ProcedureVersionEntity> {
    const row = Number.isInteger(version) ? await tx.findOneBy(ProcedureVersionEntity, { procedureId: procedure.id, version }) : null;
    if (!row) throw Problem.notFound('procedure.versionNotFound');
    return row;
  }
}

function catalogueFacts(version: number, d: ProcedureDefinition): Partial<ProcedureEntity> {
  return {
    currentVersion: version,
    name: d.name.vi,
    nameEn: d.name.en ?? null,
    sector: d.sector,
    level: d.level,
    agencyCodes: d.agencyCodes,
    serviceLevel: d.serviceLevel,
  };
}

function splitCode(body: unknown): { code: string; rest: Record<string, unknown> } {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw Problem.validation([{ path: '$', code: 'validation.invalid' }]);
  const { code, ...rest } = body as Record<string, unknown>;
  if (typeof code !== 'string' || !PROCEDURE_CODE.test(code)) throw Problem.validation([{ path: 'code', code: 'procedure.codeFormat' }]);
  return { code, rest };
}

/** A version body may repeat the procedure's code; it cannot change it. */
function withoutCode(body: unknown, code: string): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return body;
  const { code: given, ...rest } = body as Record<string, unknown>;
  if (given !== undefined && given !== code) throw Problem.validation([{ path: 'code', code: 'procedure.codeMismatch' }]);
  return rest;
}

function isEmptyBody(body: unknown): boolean {
  return body === undefined || body === null || (typeof body === 'object' && Object.keys(body).length === 0);
}
