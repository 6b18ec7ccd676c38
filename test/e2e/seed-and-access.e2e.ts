import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccessService } from '../../src/common/access.service.js';
import { Problem } from '../../src/common/problem.js';
import type { Principal } from '../../src/common/roles.js';
import { SeedService } from '../../src/database/seed/seed.service.js';
import { DEMO_AGENCIES, DEMO_PASSWORD, DEMO_USERS } from '../../src/database/seed/demo-data.js';
import { SEED_PROCEDURES } from '../../src/database/seed/procedures/catalogue.js';
import { UsersService } from '../../src/users/users.service.js';
import { startTestPortal, type TestPortal } from '../helpers/portal.js';

let t: TestPortal;
beforeAll(async () => {
  t = await startTestPortal({ DEMO_DATA: 'true', ADMIN_EMAIL: 'First.Admin@province.gov.vn', ADMIN_PASSWORD: 'first-admin-password' });
});
afterAll(async () => {
  await t?.close();
});

describe('start-up data', () => {
  it('loads the demo province with its communes and departments, and one account per role', async () => {
    const agencies = await t.query<{ code: string; level: string }>('SELECT code, level FROM agency ORDER BY code');
    expect(agencies.map((a) => a.code)).toEqual(DEMO_AGENCIES.map((a) => a.code).sort());
    expect(agencies.filter((a) => a.level === 'COMMUNE')).toHaveLength(3);
    expect(agencies.filter((a) => a.level === 'DEPARTMENT')).toHaveLength(2);
    const roles = (await t.query<{ roles: string[] }>('SELECT roles FROM app_user')).flatMap((u) => u.roles);
    for (const role of ['CITIZEN', 'RECEPTIONIST', 'SPECIALIST', 'LEADER', 'MANAGER', 'ADMIN']) expect(roles).toContain(role);
    for (const u of DEMO_USERS) {
      await t.http.post('/api/v1/auth/login').send({ username: u.email, password: DEMO_PASSWORD }).expect(200);
    }
  });

  it('creates the first admin from ADMIN_EMAIL on an empty database, beside the demo accounts', async () => {
    const admins = await t.query<{ email: string }>(`SELECT email FROM app_user WHERE 'ADMIN' = ANY(roles) ORDER BY email`);
    expect(admins.map((a) => a.email)).toEqual(['admin@demo.gov.vn', 'first.admin@province.gov.vn']);
    const res = await t.http
      .post('/api/v1/auth/login')
      .send({ username: 'first.admin@province.gov.vn', password: 'first-admin-password' })
      .expect(200);
    expect(res.body.user.roles).toEqual(['ADMIN']);
  });

  it('creates it again only when no admin is left', async () => {
    const seed = t.portal.app.get(SeedService);
    const silent = pino({ level: 'silent' });
    const firstAdmins = () => t.query(`SELECT 1 FROM app_user WHERE email = 'first.admin@province.gov.vn'`);
    await t.query(`DELETE FROM app_user WHERE email = 'first.admin@province.gov.vn'`);
    await seed.run(silent); // the demo admin is still there
    expect(await firstAdmins()).toEqual([]);
    await t.query(`DELETE FROM app_user WHERE 'ADMIN' = ANY(roles)`);
    await seed.run(silent);
    await seed.run(silent);
    expect(await firstAdmins()).toHaveLength(1);
  });

  it('publishes the demo catalogue of real procedures, findable without diacritics', async () => {
    const published = await t.query<{ code: string }>('SELECT code FROM procedure WHERE current_version = 1 ORDER BY code');
    expect(published.map((p) => p.code).sort()).toEqual(SEED_PROCEDURES.map((p) => p.code).sort());
    expect(published.length).toBeGreaterThanOrEqual(12);
    const found = await t.http.get('/api/v1/procedures?q=dang ky khai sinh').expect(200);
    expect(found.body.items[0]).toMatchObject({ code: '1.001193', name: { vi: 'Đăng ký khai sinh' } });
  });

  it('is idempotent: a second run adds nothing', async () => {
    const count = async () =>
      (
        await t.query<{ n: number }>(
          'SELECT (SELECT count(*) FROM agency) + (SELECT count(*) FROM app_user) + (SELECT count(*) FROM procedure_version) AS n',
        )
      )[0].n;
    const before = await count();
    await t.portal.app.get(SeedService).run(pino({ level: 'silent' }));
    expect(await count()).toBe(before);
  });
});

describe('access scope on the real agency tree', () => {
  const principal = async (email: string): Promise<Principal> => {
    const [{ id }] = await t.query<{ id: string }>('SELECT id FROM app_user WHERE email = $1', [email]);
    return (await t.portal.app.get(UsersService).findPrincipal(id))!;
  };
  const agencyId = async (code: string) => (await t.query<{ id: string }>('SELECT id FROM agency WHERE code = $1', [code]))[0].id;

  it('lets a province-level manager see the province and every agency below it', async () => {
    const access = t.portal.app.get(AccessService);
    const scope = await access.scopeFor(await principal('giamsat@minhha.demo.gov.vn'));
    expect(scope.kind).toBe('agencies');
    const ids = scope.kind === 'agencies' ? [...scope.agencyIds].sort() : [];
    expect(ids).toEqual((await Promise.all(DEMO_AGENCIES.map((a) => agencyId(a.code)))).sort());
  });

  it('keeps commune staff to their commune and citizens to their own records', async () => {
    const access = t.portal.app.get(AccessService);
    const specialist = await principal('chuyenvien@anphu.demo.gov.vn');
    await access.assertCanSee(specialist, { agencyId: await agencyId('H12.05') });
    await expect(access.assertCanSee(specialist, { agencyId: await agencyId('H12.06') })).rejects.toThrow(Problem);
    const citizen = await principal('congdan@demo.vn');
    await access.assertCanSee(citizen, { ownerId: citizen.id, agencyId: await agencyId('H12.05') });
    const denied = await access.assertCanSee(citizen, { ownerId: specialist.id }).catch((e: Problem) => e.status);
    expect(denied).toBe(404);
  });
});
