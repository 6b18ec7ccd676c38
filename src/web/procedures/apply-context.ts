import { Injectable } from '@nestjs/common';
import { AgenciesService } from '../../agencies/agencies.service.js';
import { localDateOf } from '../../calendar/working-time.js';
import { CatalogueService, type PublishedProcedure } from '../../procedures/catalogue.service.js';
import type { Places } from '../../procedures/forms/render-form.js';
import { compileForm } from '../../procedures/forms/validate-submission.js';
import { formPages, type Flow } from './apply-flow.js';

export interface ApplyContext {
  procedure: PublishedProcedure;
  flow: Flow;
  places: Places;
}

/** What every step of the apply flow needs: the version in force, its compiled form, the agency tree for addresses. */
@Injectable()
export class ApplyContextLoader {
  constructor(
    private readonly catalogue: CatalogueService,
    private readonly agencies: AgenciesService,
  ) {}

  async load(code: string): Promise<ApplyContext> {
    const [procedure, agencies] = await Promise.all([this.catalogue.published(code), this.agencies.list()]);
    const compiled = compileForm(procedure.form);
    return {
      procedure,
      flow: { compiled, pages: formPages(procedure.form, procedure.name), ctx: { agencies, today: localDateOf(new Date()) } },
      places: placesOf(agencies),
    };
  }
}

/** The provinces and communes an address can name, from the agency list. */
export function placesOf(agencies: { code: string; name: string; level: string; parentCode: string | null }[]): Places {
  return { provinces: agencies.filter((a) => a.level === 'PROVINCE'), communes: agencies.filter((a) => a.level === 'COMMUNE') };
}
