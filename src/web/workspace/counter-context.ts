import { Injectable } from '@nestjs/common';
import { AgenciesService } from '../../agencies/agencies.service.js';
import { localDateOf } from '../../calendar/working-time.js';
import { CatalogueService, type PublishedProcedure } from '../../procedures/catalogue.service.js';
import type { Places } from '../../procedures/forms/render-form.js';
import { compileForm, type AgencyRef, type CompiledForm } from '../../procedures/forms/validate-submission.js';

export interface CounterContext {
  procedure: PublishedProcedure;
  compiled: CompiledForm;
  places: Places;
  today: string;
}

/** What the intake page needs: the version in force, its compiled form, the places an address can name. */
@Injectable()
export class CounterContextLoader {
  constructor(
    private readonly catalogue: CatalogueService,
    private readonly agencies: AgenciesService,
  ) {}

  async load(code: string): Promise<CounterContext> {
    const [procedure, agencies] = await Promise.all([this.catalogue.published(code), this.agencies.list()]);
    return { procedure, compiled: compileForm(procedure.form), places: placesOf(agencies), today: localDateOf(new Date()) };
  }
}

/** Provinces, and communes under them (agency codes, as the validator checks addresses). */
function placesOf(agencies: readonly (AgencyRef & { name: string })[]): Places {
  return { provinces: agencies.filter((a) => a.level === 'PROVINCE'), communes: agencies.filter((a) => a.level === 'COMMUNE') };
}
