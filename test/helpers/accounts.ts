import type { TestPortal } from './portal.js';
import { hashPassword } from '../../src/auth/password.js';
import type { Role } from '../../src/common/roles.js';

export const PASSWORD = 'correct-horse-battery';

/** Inserts an agency straight into the database (tests of other features need one quickly). */
export async function insertAgency(
  t: TestPortal,
  code: string,
  level: 'PROVINCE' | 'COMMUNE' | 'DEPARTMENT',
  parentCode?: string,
): Promise<string> {
  const [row] = await t.query<{ id: string }>(
    `INSERT INTO agency (code, name, level, parent_id)
     VALUES ($1, $2, $3, (SELECT id FROM agency WHERE code = $4)) RETURNING id`,
    [code, `Agency ${code}`, level, parentCode ?? null],
  );
  return row.id;
}

/** Inserts an account with `PASSWORD` and returns its id. */
export async function insertUser(
  t: TestPortal,
  u: { email: string; roles: Role[]; agencyCode?: string; citizenId?: string; fullName?: string },
): Promise<string> {
  const [row] = await t.query<{ id: string }>(
    `INSERT INTO app_user (email, full_name, citizen_id, password_hash, roles, agency_id)
     VALUES ($1, $2, $3, $4, $5, (SELECT id FROM agency WHERE code = $6)) RETURNING id`,
    [u.email, u.fullName ?? u.email, u.citizenId ?? null, await hashPassword(PASSWORD), u.roles, u.agencyCode ?? null],
  );
  return row.id;
}

export async function login(t: TestPortal, username: string, password = PASSWORD): Promise<string> {
  const res = await t.http.post('/api/v1/auth/login').send({ username, password }).expect(200);
  return res.body.accessToken as string;
}
