import { STAFF_ROLES, type Principal } from './roles.js';

/**
 * What a user may see, decided once and applied by every module:
 * - an administrator sees everything;
 * - staff see their agency, and province-level staff also the agencies below it;
 * - anyone else (a citizen) sees only their own records.
 */
export type AccessScope = { kind: 'all' } | { kind: 'agencies'; agencyIds: readonly string[] } | { kind: 'own'; userId: string };

/** A record as the scope sees it: the agency that handles it and the citizen who owns it. */
export interface ScopedRecord {
  agencyId?: string | null;
  ownerId?: string | null;
}

/**
 * `subAgencyIds` are the agencies below the user's own (empty unless the user's
 * agency is the province). Kept pure: the caller loads the tree.
 */
export function scopeFor(user: Principal, subAgencyIds: readonly string[] = []): AccessScope {
  if (user.roles.includes('ADMIN')) return { kind: 'all' };
  if (user.agency && user.roles.some((r) => STAFF_ROLES.includes(r))) {
    const below = user.agency.level === 'PROVINCE' ? subAgencyIds : [];
    return { kind: 'agencies', agencyIds: [user.agency.id, ...below.filter((id) => id !== user.agency!.id)] };
  }
  return { kind: 'own', userId: user.id };
}

export function canSee(scope: AccessScope, record: ScopedRecord): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'agencies':
      return !!record.agencyId && scope.agencyIds.includes(record.agencyId);
    case 'own':
      return !!record.ownerId && record.ownerId === scope.userId;
  }
}

/**
 * The same rule as a SQL condition for list queries, with named parameters
 * (TypeORM query-builder style). `columns` name the record's agency and owner columns.
 */
export function scopeCondition(
  scope: AccessScope,
  columns: { agency?: string; owner?: string },
): { sql: string; params: Record<string, unknown> } {
  switch (scope.kind) {
    case 'all':
      return { sql: 'TRUE', params: {} };
    case 'agencies':
      return columns.agency && scope.agencyIds.length > 0
        ? { sql: `${columns.agency} IN (:...scopeAgencyIds)`, params: { scopeAgencyIds: [...scope.agencyIds] } }
        : { sql: 'FALSE', params: {} };
    case 'own':
      return columns.owner
        ? { sql: `${columns.owner} = :scopeUserId`, params: { scopeUserId: scope.userId } }
        : { sql: 'FALSE', params: {} };
  }
}
