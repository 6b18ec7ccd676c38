import type { EntityManager } from 'typeorm';
import type { ProcedureDefinition } from '../procedures/forms/definition.js';
import { planReuse, type WalletEntry } from './reuse-plan.js';

/**
 * Writes what stood in for each component of a dossier, at its (re)submission
 * online or its intake at the counter, in that transaction: one
 * `component_reuse` row per component satisfied by the profile or by a wallet
 * result, replacing any earlier record. The statistics count these rows.
 */
export async function recordReuse(
  tx: EntityManager,
  dossier: { id: string; applicantId: string },
  definition: Pick<ProcedureDefinition, 'components'>,
  profileFacts: ReadonlySet<string>,
): Promise<void> {
  if (!definition.components.some((c) => c.satisfiedBy)) return;
  // What the plan needs, in one round trip: a transaction's connection runs one query at a time.
  const [held] = (await tx.query(
    `SELECT (SELECT COALESCE(json_agg(DISTINCT component_code), '[]') FROM dossier_file
              WHERE dossier_id = $1 AND replaced_at IS NULL) AS files,
            (SELECT COALESCE(json_agg(json_build_object('id', id, 'procedureCode', procedure_code, 'issuedAt', issued_at,
                                                        'status', status)), '[]')
               FROM result_document WHERE holder_id = $2) AS wallet,
            (SELECT COALESCE(json_agg(json_build_object('code', component_code, 'resultId', result_id)), '[]')
               FROM result_reuse_choice WHERE dossier_id = $1) AS choices`,
    [dossier.id, dossier.applicantId],
  )) as {
    files: string[];
    wallet: (Omit<WalletEntry, 'issuedAt'> & { issuedAt: string })[];
    choices: { code: string; resultId: string }[];
  }[];
  const plan = planReuse({
    components: definition.components,
    uploaded: new Set(held.files),
    profileFacts,
    choices: new Map(held.choices.map((c) => [c.code, c.resultId])),
    wallet: held.wallet.map((r) => ({ ...r, issuedAt: new Date(r.issuedAt) })),
  });
  // The record replaced in one statement: rows of components no longer reused go, the others are written anew.
  await tx.query(
    `WITH plan AS (SELECT * FROM unnest($2::text[], $3::text[], $4::uuid[]) AS u(code, source, result_id)),
          gone AS (DELETE FROM component_reuse WHERE dossier_id = $1 AND component_code <> ALL($2::text[]))
     INSERT INTO component_reuse (dossier_id, component_code, source, result_id)
     SELECT $1, code, source, result_id FROM plan
     ON CONFLICT (dossier_id, component_code)
     DO UPDATE SET source = EXCLUDED.source, result_id = EXCLUDED.result_id, recorded_at = now()`,
    [dossier.id, plan.map((p) => p.componentCode), plan.map((p) => p.source), plan.map((p) => p.resultId)],
  );
}
