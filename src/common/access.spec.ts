import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canSee, scopeCondition, scopeFor, type AccessScope, type ScopedRecord } from './access.js';
import { AGENCY_LEVELS, ROLES, STAFF_ROLES, type AgencyLevel, type Principal, type Role } from './roles.js';

const COLUMNS = { agency: 'd.agency_id', owner: 'd.owner_id' };

function user(roles: Role[], agency: { id: string; level: AgencyLevel } | null = null, id = 'user-1'): Principal {
  return {
    id,
    fullName: 'Nguyễn Văn An',
    email: 'an@example.vn',
    citizenId: null,
    roles,
    agency: agency && { ...agency, code: agency.id.toUpperCase(), name: agency.id },
  };
}

/**
 * What scopeCondition's SQL means for one row, with SQL's NULL rules
 * (NULL IN (...) and NULL = x are not true). Throws on SQL it does not know,
 * so a new shape of condition has to be taught here first.
 */
function evaluate(condition: { sql: string; params: Record<string, unknown> }, record: ScopedRecord): boolean {
  const { sql, params } = condition;
  if (sql === 'TRUE') return true;
  if (sql === 'FALSE') return false;
  const inList = /^(\S+) IN \(:\.\.\.(\w+)\)$/.exec(sql);
  if (inList) {
    const [, column, param] = inList;
    expect(column).toBe(COLUMNS.agency);
    const values = params[param];
    expect(Array.isArray(values)).toBe(true);
    return record.agencyId != null && (values as unknown[]).includes(record.agencyId);
  }
  const equals = /^(\S+) = :(\w+)$/.exec(sql);
  if (equals) {
    const [, column, param] = equals;
    expect(column).toBe(COLUMNS.owner);
    expect(param in params).toBe(true);
    return record.ownerId != null && record.ownerId === params[param];
  }
  throw new Error(`unknown condition: ${sql}`);
}

describe('scopeFor', () => {
  it('lets an administrator see everything, whatever other roles or agency they have', () => {
    expect(scopeFor(user(['ADMIN']))).toEqual({ kind: 'all' });
    expect(scopeFor(user(['CITIZEN', 'ADMIN']))).toEqual({ kind: 'all' });
    expect(scopeFor(user(['SPECIALIST', 'ADMIN'], { id: 'xa-an-phu', level: 'COMMUNE' }), ['x'])).toEqual({ kind: 'all' });
  });

  it('lets province-level staff see their agency and the agencies below it', () => {
    const scope = scopeFor(user(['LEADER'], { id: 'tinh', level: 'PROVINCE' }), ['so-tu-phap', 'xa-an-phu']);
    expect(scope).toEqual({ kind: 'agencies', agencyIds: ['tinh', 'so-tu-phap', 'xa-an-phu'] });
  });

  it('does not list the province twice when the caller includes it among the agencies below', () => {
    const scope = scopeFor(user(['MANAGER'], { id: 'tinh', level: 'PROVINCE' }), ['tinh', 'xa-an-phu']);
    expect(scope).toEqual({ kind: 'agencies', agencyIds: ['tinh', 'xa-an-phu'] });
  });

  it.each(['COMMUNE', 'DEPARTMENT'] as const)('limits %s staff to their own agency, even if given agencies below', (level) => {
    for (const role of STAFF_ROLES) {
      expect(scopeFor(user([role], { id: 'own', level }), ['other-1', 'other-2'])).toEqual({ kind: 'agencies', agencyIds: ['own'] });
    }
  });

  it('limits a citizen to their own records', () => {
    expect(scopeFor(user(['CITIZEN'], null, 'citizen-7'))).toEqual({ kind: 'own', userId: 'citizen-7' });
  });

  it('scopes a citizen who belongs to an agency but holds no staff role as a citizen', () => {
    expect(scopeFor(user(['CITIZEN'], { id: 'tinh', level: 'PROVINCE' }, 'citizen-7'), ['xa'])).toEqual({
      kind: 'own',
      userId: 'citizen-7',
    });
  });

  it('scopes a user with CITIZEN and a staff role but no agency as a citizen', () => {
    for (const role of STAFF_ROLES) {
      expect(scopeFor(user(['CITIZEN', role], null, 'u-9'), ['tinh'])).toEqual({ kind: 'own', userId: 'u-9' });
    }
  });

  it('scopes a user with no roles at all to their own records', () => {
    expect(scopeFor(user([], { id: 'tinh', level: 'PROVINCE' }, 'u-0'))).toEqual({ kind: 'own', userId: 'u-0' });
  });
});

describe('canSee', () => {
  const all: AccessScope = { kind: 'all' };
  const agencies: AccessScope = { kind: 'agencies', agencyIds: ['a', 'b'] };
  const own: AccessScope = { kind: 'own', userId: 'u' };

  it('shows everything to an administrator', () => {
    expect(canSee(all, {})).toBe(true);
    expect(canSee(all, { agencyId: 'z', ownerId: 'v' })).toBe(true);
  });

  it('shows staff the records of their agencies only', () => {
    expect(canSee(agencies, { agencyId: 'a' })).toBe(true);
    expect(canSee(agencies, { agencyId: 'b', ownerId: 'x' })).toBe(true);
    expect(canSee(agencies, { agencyId: 'c' })).toBe(false);
    expect(canSee(agencies, { agencyId: null, ownerId: 'u' })).toBe(false);
    expect(canSee(agencies, {})).toBe(false);
    expect(canSee({ kind: 'agencies', agencyIds: [] }, { agencyId: 'a' })).toBe(false);
  });

  it('shows a citizen their own records only', () => {
    expect(canSee(own, { ownerId: 'u' })).toBe(true);
    expect(canSee(own, { ownerId: 'u', agencyId: 'a' })).toBe(true);
    expect(canSee(own, { ownerId: 'v' })).toBe(false);
    expect(canSee(own, { ownerId: null })).toBe(false);
    expect(canSee(own, { agencyId: 'a' })).toBe(false);
  });
});

describe('scopeCondition', () => {
  it('builds the SQL for each kind of scope', () => {
    expect(scopeCondition({ kind: 'all' }, COLUMNS)).toEqual({ sql: 'TRUE', params: {} });
    expect(scopeCondition({ kind: 'agencies', agencyIds: ['a', 'b'] }, COLUMNS)).toEqual({
      sql: 'd.agency_id IN (:...scopeAgencyIds)',
      params: { scopeAgencyIds: ['a', 'b'] },
    });
    expect(scopeCondition({ kind: 'own', userId: 'u' }, COLUMNS)).toEqual({
      sql: 'd.owner_id = :scopeUserId',
      params: { scopeUserId: 'u' },
    });
  });

  it('matches nothing when the scope has no agencies or the record has no such column', () => {
    expect(scopeCondition({ kind: 'agencies', agencyIds: [] }, COLUMNS).sql).toBe('FALSE');
    expect(scopeCondition({ kind: 'agencies', agencyIds: ['a'] }, { owner: 'd.owner_id' }).sql).toBe('FALSE');
    expect(scopeCondition({ kind: 'own', userId: 'u' }, { agency: 'd.agency_id' }).sql).toBe('FALSE');
    expect(scopeCondition({ kind: 'all' }, {}).sql).toBe('TRUE');
  });

  it('hands out a copy of the agency list, so the query cannot change the scope', () => {
    const agencyIds = ['a'];
    const { params } = scopeCondition({ kind: 'agencies', agencyIds }, COLUMNS);
    (params.scopeAgencyIds as string[]).push('b');
    expect(agencyIds).toEqual(['a']);
  });
});

describe('canSee and scopeCondition agree', () => {
  // A small pool, so that scopes and records often share ids.
  const id = fc.constantFrom('a1', 'a2', 'a3', 'a4', 'u1', 'u2');
  const maybeId = fc.oneof(id, fc.constantFrom(undefined, null));
  const record: fc.Arbitrary<ScopedRecord> = fc.record({ agencyId: maybeId, ownerId: maybeId }, { requiredKeys: [] });
  const scope: fc.Arbitrary<AccessScope> = fc.oneof(
    fc.constant<AccessScope>({ kind: 'all' }),
    fc.uniqueArray(id, { maxLength: 4 }).map((agencyIds): AccessScope => ({ kind: 'agencies', agencyIds })),
    id.map((userId): AccessScope => ({ kind: 'own', userId })),
  );
  const principal: fc.Arbitrary<Principal> = fc
    .record({
      id,
      roles: fc.subarray([...ROLES]),
      agency: fc.option(fc.record({ id, level: fc.constantFrom(...AGENCY_LEVELS) }), { nil: null }),
    })
    .map(({ id: userId, roles, agency }) => user(roles, agency, userId));

  it('on random scopes and records', () => {
    fc.assert(
      fc.property(scope, record, (s, r) => {
        expect(evaluate(scopeCondition(s, COLUMNS), r)).toBe(canSee(s, r));
      }),
    );
  });

  it('on the scopes of random users and agency trees', () => {
    fc.assert(
      fc.property(principal, fc.uniqueArray(id, { maxLength: 4 }), fc.array(record, { maxLength: 8 }), (p, below, records) => {
        const s = scopeFor(p, below);
        for (const r of records) expect(evaluate(scopeCondition(s, COLUMNS), r)).toBe(canSee(s, r));
      }),
    );
  });

  it('scopeFor never widens a non-administrator beyond their agency, the agencies below, or themselves', () => {
    fc.assert(
      fc.property(principal, fc.uniqueArray(id, { maxLength: 4 }), record, (p, below, r) => {
        if (!canSee(scopeFor(p, below), r) || p.roles.includes('ADMIN')) return;
        const staff = p.agency !== null && p.roles.some((role) => STAFF_ROLES.includes(role));
        if (staff) {
          const allowed = p.agency!.level === 'PROVINCE' ? [p.agency!.id, ...below] : [p.agency!.id];
          expect(allowed).toContain(r.agencyId);
        } else {
          expect(r.ownerId).toBe(p.id);
        }
      }),
    );
  });
});
