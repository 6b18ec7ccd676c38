import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AgenciesService } from '../../agencies/agencies.service.js';
import { localDateOf } from '../../calendar/working-time.js';
import type { Page } from '../../common/pagination.js';
import { Problem } from '../../common/problem.js';
import type { Principal } from '../../common/roles.js';
import { DossierContextService } from '../../dossiers/dossier-context.service.js';
import { DossierQueriesService, type DossierDetail, type DossierFilter } from '../../dossiers/dossier-queries.service.js';
import { formOf } from '../../dossiers/dossier-rules.js';
import type { DossierEntity } from '../../dossiers/dossier.entity.js';
import type { SatisfiedBy } from '../../procedures/forms/components.js';
import type { ProcedureDefinition } from '../../procedures/forms/definition.js';
import type { Places } from '../../procedures/forms/render-form.js';
import { placesOf } from '../procedures/apply-context.js';
import { formPages, type Flow } from '../procedures/apply-flow.js';

/** One of the signed-in person's own dossiers, with what its pages need: its frozen version, form, places, and the data that replaces documents. */
export interface OwnDossier {
  detail: DossierDetail;
  definition: ProcedureDefinition;
  flow: Flow;
  places: Places;
  held: SatisfiedBy;
}

/**
 * The applicant's side of the dossier services: only their own dossiers,
 * whatever other roles the account holds (staff read their agency's
 * dossiers in the workspace). Another person's dossier is not found.
 */
@Injectable()
export class OwnDossiers {
  constructor(
    private readonly queries: DossierQueriesService,
    private readonly context: DossierContextService,
    private readonly agencies: AgenciesService,
    private readonly db: DataSource,
  ) {}

  async load(user: Principal, id: string): Promise<OwnDossier> {
    const detail = await this.queries.get(user, id).catch((err: unknown) => {
      throw err instanceof Problem && err.status === 404 ? Problem.notFound('dossier.notFound') : err;
    });
    if (detail.dossier.applicantId !== user.id) throw Problem.notFound('dossier.notFound');
    const [definition, agencies, held] = await Promise.all([
      this.context.definition(detail.dossier.procedureVersionId),
      this.agencies.list(),
      this.context.applicantData(this.db.manager, detail.dossier),
    ]);
    return {
      detail,
      definition,
      flow: {
        compiled: formOf(definition),
        pages: formPages(definition.form, definition.name),
        ctx: { agencies, today: localDateOf(new Date()) },
      },
      places: placesOf(agencies),
      held: { profile: held.profileFacts, results: held.heldResults },
    };
  }

  /** The person's dossiers as an applicant, most recently changed first, each with its procedure's name. */
  async list(
    user: Principal,
    filter: DossierFilter,
  ): Promise<Page<{ dossier: DossierEntity; procedureName: ProcedureDefinition['name'] }>> {
    const page = await this.queries.list({ ...user, roles: ['CITIZEN'] }, filter);
    const items = await Promise.all(
      page.items.map(async (dossier) => ({ dossier, procedureName: (await this.context.definition(dossier.procedureVersionId)).name })),
    );
    return { ...page, items };
  }
}
