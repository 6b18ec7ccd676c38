import type { EntityManager } from 'typeorm';
import type { ProcedureDefinition } from '../procedures/forms/definition.js';
import { planReuse, type WalletEntry } from './reuse-plan.js';

/**
 * Writes what stood in for each component of a dossier, at its (re)submission
 * online or its intake at the counter, in that transaction: one
 * `component_reuse` row per component satisfied by the profile or by a wallet
 * result, replacing any earlier record. The statistics count these rows.
 * Queries run one after the other: a transaction's connection runs one at a time.
 */
export async function recordReuse(
  tx: EntityManager,
  dossier: { id: string; applicantId: string },
  definition: Pick<ProcedureDefinition, 'components'>,
  profileFacts: ReadonlySet<string>,
): Promise<void> {
  if (!definition.components.some((c) => c.satisfiedBy)) return;
  const files = (await tx.query(`SELECT DISTINCT component_code AS code FROM dossier_file WHERE dossier_id = $1 AND replaced_at IS NULL`, [
    dossier.id,
  ])) as { code: string }[];
  const wallet = (
    (await tx.query(
      `SELECT id, procedure_code AS "procedureCode", issued_at AS "issuedAt", status FROM result_document WHERE holder_id = $1`,
      [dossier.applicantId],
    )) as WalletEntry[]
  ).map((r) => ({ ...r, issuedAt: new Date(r.issuedAt) }));
  const choices = (await tx.query(`SELECT component_code AS code, result_id AS "resultId" FROM result_reuse_choice WHERE dossier_id = $1`, [
    dossier.id,
  ])) as { code: string; resultId: string }[];
  const plan = planReuse({
    components: definition.components,
    uploaded: new Set(files.map((f) => f.code)),
    profileFacts,
    choices: new Map(choices.map((c) => [c.code, c.resultId])),
    wallet,
  });
  await tx.query(`DELETE FROM component_reuse WHERE dossier_id = $1`, [dossier.id]);
  if (plan.length === 0) return;
  await tx.query(
    `INSERT INTO component_reuse (dossier_id, component_code, source, result_id)
     SELECT $1, u.code, u.source, u.result_id FROM unnest($2::text[], $3::text[], $4::uuid[]) AS u(code, source, result_id)`,
    [dossier.id, plan.map((p) => p.componentCode), plan.map((p) => p.source), plan.map((p) => p.resultId)],
  );
}
