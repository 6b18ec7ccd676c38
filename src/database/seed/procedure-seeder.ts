import { Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { ProcedureAdminService } from '../../procedures/procedure-admin.service.js';
import { ProcedureEntity } from '../../procedures/procedure.entity.js';
import { resultProcedureOf, type ProcedureDefinition } from '../../procedures/forms/definition.js';
import { SEED_PROCEDURES } from './procedures/catalogue.js';

type Seed = { code: string; definition: ProcedureDefinition };

/** Publishes the demo catalogue through the same checks as an administrator's. Idempotent. */
@Injectable()
export class ProcedureSeeder {
  constructor(
    private readonly db: DataSource,
    private readonly procedures: ProcedureAdminService,
  ) {}

  async seedDemo(log: Logger): Promise<void> {
    let added = 0;
    for (const { code, definition } of referencedFirst(SEED_PROCEDURES)) {
      if (await this.db.getRepository(ProcedureEntity).existsBy({ code })) continue;
      await this.procedures.create({ code, ...definition }, { id: null });
      await this.procedures.publish(code, 1, { id: null });
      added++;
    }
    if (added) log.info({ procedures: added }, 'demo procedures published');
  }
}

/** A procedure whose result another one reuses must exist before it (`satisfiedBy.result`). */
export function referencedFirst(seeds: Seed[]): Seed[] {
  const byCode = new Map(seeds.map((s) => [s.code, s]));
  const ordered: Seed[] = [];
  const visiting = new Set<string>();
  const done = new Set<string>();
  const visit = (seed: Seed) => {
    if (done.has(seed.code) || visiting.has(seed.code)) return; // a cycle is left to the definition check to report
    visiting.add(seed.code);
    for (const c of seed.definition.components) {
      const result = resultProcedureOf(c);
      const ref = result ? byCode.get(result) : undefined;
      if (ref) visit(ref);
    }
    visiting.delete(seed.code);
    done.add(seed.code);
    ordered.push(seed);
  };
  seeds.forEach(visit);
  return ordered;
}
