import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AgenciesService } from '../../agencies/agencies.service.js';
import type { AgencyResponse } from '../../agencies/agency.dto.js';
import type { WorkCalendar } from '../../calendar/working-time.js';
import type { Principal, Role } from '../../common/roles.js';
import { canAssign, ASSIGNABLE, type Officer } from '../../dossiers/assignment.js';
import { AssignmentService } from '../../dossiers/assignment.service.js';
import { DossierContextService } from '../../dossiers/dossier-context.service.js';
import { DossierQueriesService, type DossierDetail } from '../../dossiers/dossier-queries.service.js';
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
}

/** Everything the staff dossier page shows, read through the same access rule as the API (404 outside the scope). */
@Injectable()
export class StaffDossierLoader {
  constructor(
    private readonly db: DataSource,
    private readonly queries: DossierQueriesService,
    private readonly context: DossierContextService,
    private readonly assignment: AssignmentService,
    private readonly agencies: AgenciesService,
  ) {}

  async load(user: Principal, id: string): Promise<StaffDossier> {
    const detail = await this.queries.get(user, id);
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
    const allowed = ASSIGNABLE.has(d.status) && canAssign(user.roles, stepRole);
    const applicant = rows.find((r) => r.id === d.applicantId)!;
    return {
      detail,
      definition,
      applicant,
      names: new Map(rows.map((r) => [r.id, r.fullName])),
      calendar,
      asOf: new Date(),
      roles: user.roles.filter((r) => r !== 'CITIZEN'),
      assign: { allowed, candidates: allowed ? await this.assignment.candidates(d) : [] },
      staff,
      agencies,
    };
  }
}
