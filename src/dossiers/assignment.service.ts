import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AccessService } from '../common/access.service.js';
import { Problem } from '../common/problem.js';
import type { Principal, Role } from '../common/roles.js';
import { ASSIGNABLE, canAssign, leastLoaded, OPEN_STATUSES, type Officer } from './assignment.js';
import { DossierContextService } from './dossier-context.service.js';
import { lockDossier, recordEvent } from './dossier-recording.js';
import { DossierEntity } from './dossier.entity.js';

/**
 * Who works on a dossier now. Not a change of status (the lifecycle table is
 * not involved), but recorded the same way as one: lock → access → version →
 * rules → save → event `assign`, in one transaction; of two officers assigning
 * at once, the second gets 409.
 */
@Injectable()
export class AssignmentService {
  constructor(
    private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly context: DossierContextService,
  ) {}

  /** `assigneeId` null: the least-loaded officer of the unit with the step's role. */
  async assign(
    by: Principal,
    id: string,
    assigneeId: string | null,
    version: number,
  ): Promise<{ dossier: DossierEntity; assignee: Officer }> {
    return this.db.transaction(async (tx) => {
      const d = await lockDossier(tx, id);
      await this.access.assertCanSee(by, { agencyId: d.currentAgencyId }, tx, 'dossier.notFound');
      if (d.version !== version) throw Problem.conflict('dossier.stale');
      if (!ASSIGNABLE.has(d.status)) throw Problem.conflict('dossier.notAllowedNow');
      const stepRole = await this.stepRole(d, tx);
      if (!canAssign(by.roles, stepRole)) throw Problem.forbidden();
      const officers = await this.officers(tx, d.currentAgencyId, stepRole!);
      const chosen = assigneeId === null ? leastLoaded(officers) : officers.find((o) => o.id === assigneeId);
      if (!chosen)
        throw Problem.validation([{ path: 'assigneeId', code: assigneeId ? 'workspace.assigneeNotEligible' : 'workspace.noOfficer' }]);

      const before = { status: d.status, step: d.step };
      const previous = d.assigneeId;
      const now = new Date();
      await tx.update(DossierEntity, { id }, { assigneeId: chosen.id, version: d.version + 1, updatedAt: now });
      Object.assign(d, { assigneeId: chosen.id, version: d.version + 1, updatedAt: now });
      await recordEvent(tx, d, before, {
        role: by.roles.includes(stepRole!) ? stepRole! : 'LEADER',
        actorId: by.id,
        action: 'assign',
        data: { assigneeId: chosen.id, assigneeName: chosen.fullName, previousAssigneeId: previous, mode: assigneeId ? 'manual' : 'auto' },
      });
      return { dossier: d, assignee: chosen };
    });
  }

  /** The officers who may be chosen for the dossier's current step, with their load (for the form). */
  async candidates(d: Pick<DossierEntity, 'currentAgencyId' | 'procedureVersionId' | 'step'>): Promise<Officer[]> {
    const role = await this.stepRole(d);
    return role ? this.officers(this.db.manager, d.currentAgencyId, role) : [];
  }

  /** The officers of an agency who process or approve (the "forward to" list). */
  async staffOf(agencyId: string): Promise<{ id: string; fullName: string; roles: Role[] }[]> {
    return (await this.db.query(
      `SELECT id, full_name AS "fullName", roles FROM app_user
        WHERE agency_id = $1 AND active AND roles && ARRAY['RECEPTIONIST', 'SPECIALIST', 'LEADER']
        ORDER BY full_name, id`,
      [agencyId],
    )) as { id: string; fullName: string; roles: Role[] }[];
  }

  /** The role that acts at the dossier's step, from its frozen procedure version. */
  async stepRole(d: Pick<DossierEntity, 'procedureVersionId' | 'step'>, tx?: EntityManager): Promise<Role | null> {
    if (!d.step) return null;
    // Inside a transaction, on its connection: a second pooled connection can deadlock the pool under load.
    const def = await this.context.definition(d.procedureVersionId, tx);
    return def.workflow.steps.find((s) => s.key === d.step)?.role ?? null;
  }

  /**
   * Active officers of the unit holding the role, each with the count of open
   * dossiers assigned to them (`dossier_assignee_idx`).
   */
  private async officers(tx: EntityManager, agencyId: string, role: Role): Promise<Officer[]> {
    return (await tx.query(
      `SELECT u.id, u.full_name AS "fullName",
              (SELECT count(*)::int FROM dossier d WHERE d.assignee_id = u.id AND d.status = ANY($3)) AS load
         FROM app_user u
        WHERE u.agency_id = $1 AND $2 = ANY(u.roles) AND u.active
        ORDER BY u.full_name, u.id`,
      [agencyId, role, OPEN_STATUSES],
    )) as Officer[];
  }
}
