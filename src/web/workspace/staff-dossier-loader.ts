import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AgenciesService } from '../../agencies/agencies.service.js';
import type { AgencyResponse } from '../../agencies/agency.dto.js';
import type { WorkCalendar } from '../../calendar/working-time.js';
import { canSee } from '../../common/access.js';
import { AccessService } from '../../common/access.service.js';
import { Problem } from '../../common/problem.js';
import type { Principal, Role } from '../../common/roles.js';
import { canAssign, ASSIGNABLE, type Officer } from '../../dossiers/assignment.js';
import { AssignmentService } from '../../dossiers/assignment.service.js';
import { DossierContextService } from '../../dossiers/dossier-context.service.js';
import { DossierQueriesService, type DossierDetail } from '../../dossiers/dossier-queries.service.js';
import type { DossierFileEntity } from '../../dossiers/dossier.entity.js';
import { FILE_STORAGE, type FileStorage } from '../../dossiers/files/storage.js';
import { WORKSPACE_ROLES } from '../../dossiers/workspace-queues.js';
import type { ProcedureDefinition } from '../../procedures/forms/definition.js';

export interface StaffDossier {
  detail: DossierDetail;
  definition: ProcedureDefinition;
  applicant: { fullName: string; citizenId: string | null; phone: string | null; email: string };
  /** Names of the people in the events and the assignee. */
  names: Map<string, string>;
  calendar: WorkCalendar;
  asOf: Date;
  roles: Role[];
  assign: { allowed: boolean; candidates: Officer[] };
  staff: { id: string; fullName: string; roles: Role[] }[];
  agencies: AgencyResponse[];
  /**
   * Read-only (the dashboard's view of a dossier): no action or assignment forms.
   * `workspaceHref`: the officer's page, when this user also works on the dossier where it is now.
   */
  readOnly?: { workspaceHref: string | null };
}

/** Who may open the read-only page (the dashboard's roles). */
const VIEWER_ROLES: readonly Role[] = ['MANAGER', 'LEADER', 'ADMIN'];

/** Everything the staff dossier page shows, read through the same access rule as the API (404 outside the scope). */
@Injectable()
export class StaffDossierLoader {
  constructor(
    private readonly db: DataSource,
    private readonly queries: DossierQueriesService,
    private readonly context: DossierContextService,
    private readonly assignment: AssignmentService,
    private readonly agencies: AgenciesService,
    private readonly access: AccessService,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
  ) {}

  async load(user: Principal, id: string): Promise<StaffDossier> {
    return this.assemble(user, await this.queries.get(user, id));
  }

  /**
   * The dossier for reading only, by the statistics' rule: a dossier counts
   * under the agency that received it, so it is visible where it was received
   * (`agency_id`) or where it is now (`current_agency_id`), within the user's
   * scope (their agency and those below it; an administrator everything).
   * Anything else, drafts included, is answered as missing. Reading writes nothing.
   */
  async loadReadOnly(user: Principal, id: string): Promise<StaffDossier> {
    const { detail, handlesNow } = await this.viewable(user, id);
    const workspaceHref =
      handlesNow && user.roles.some((r) => WORKSPACE_ROLES.includes(r)) ? `/workspace/dossiers/${detail.dossier.id}` : null;
    return { ...(await this.assemble(user, detail, false)), readOnly: { workspaceHref } };
  }

  /** A component's file of a dossier readable by `loadReadOnly`'s rule. */
  async openReadOnly(user: Principal, id: string, fileId: string): Promise<{ file: DossierFileEntity; bytes: Uint8Array }> {
    const { detail } = await this.viewable(user, id);
    const file = detail.files.find((f) => f.id === fileId);
    if (!file) throw Problem.notFound();
    return { file, bytes: await this.storage.get(file.storageKey) };
  }

  private async viewable(user: Principal, id: string): Promise<{ detail: DossierDetail; handlesNow: boolean }> {
    if (!user.roles.some((r) => VIEWER_ROLES.includes(r))) throw Problem.notFound('dossier.notFound');
    // `justActed` skips the query's own rule (current agency only): the wider one is applied here instead.
    const detail = await this.queries.get(user, id, true);
    const d = detail.dossier;
    const scope = await this.access.scopeFor(user);
    const handlesNow = canSee(scope, { agencyId: d.currentAgencyId });
    if (d.status === 'DRAFT' || (!handlesNow && !canSee(scope, { agencyId: d.agencyId }))) throw Problem.notFound('dossier.notFound');
    return { detail, handlesNow };
  }

  private async assemble(user: Principal, detail: DossierDetail, canAct = true): Promise<StaffDossier> {
    const d = detail.dossier;
    const people = [d.applicantId, d.assigneeId, ...detail.events.map((e) => e.actorId)].filter((x): x is string => !!x);
    const [definition, calendar, rows, stepRole, staff, agencies] = await Promise.all([
      this.context.definition(d.procedureVersionId),
      this.context.calendar(),
      this.db.query(`SELECT id, full_name AS "fullName", citizen_id AS "citizenId", phone, email FROM app_user WHERE id = ANY($1)`, [
        [...new Set(people)],
      ]) as Promise<{ id: string; fullName: string; citizenId: string | null; phone: string | null; email: string }[]>,
      this.assignment.stepRole(d),
      this.assignment.staffOf(d.currentAgencyId),
      this.agencies.list(),
    ]);
    const allowed = canAct && ASSIGNABLE.has(d.status) && canAssign(user.roles, stepRole);
    const applicant = rows.find((r) => r.id === d.applicantId)!;
    return {
      detail,
      definition,
      applicant,
      names: new Map(rows.map((r) => [r.id, r.fullName])),
      calendar,
      asOf: new Date(),
      // Read-only: no role to act with, so no action is offered.
      roles: canAct ? user.roles.filter((r) => r !== 'CITIZEN') : [],
      assign: { allowed, candidates: allowed ? await this.assignment.candidates(d) : [] },
      staff,
      agencies,
    };
  }
}
