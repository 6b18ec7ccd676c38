import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDF, setUpCast, type Cast } from '../helpers/dossier-fixtures.js';
import { startTestPortal, type TestPortal } from '../helpers/portal.js';

let t: TestPortal;
let cast: Cast;
beforeAll(async () => {
  t = await startTestPortal();
  cast = await setUpCast(t);
});
afterAll(async () => {
  await t?.close();
});

const as = (token: string) => ({ Authorization: `Bearer ${token}` });
const NEW_PERSON = { citizenId: '001095000123', fullName: 'Lê Thị Cúc', phone: '0912345678' };

/** The intake as the counter's scanner posts it: multipart, JSON texts, one file per component. */
function intake(
  token: string,
  fields: { procedureCode?: string; applicant?: unknown; formData?: unknown },
  files: Record<string, Buffer> = {},
) {
  let req = t.http
    .post('/api/v1/counter/dossiers')
    .set(as(token))
    .field('procedureCode', fields.procedureCode ?? '1.001193')
    .field('applicant', JSON.stringify(fields.applicant ?? NEW_PERSON))
    .field('formData', JSON.stringify(fields.formData ?? { childName: 'Lê Bé Hoa' }));
  for (const [code, bytes] of Object.entries(files)) req = req.attach(`files[${code}]`, bytes, `${code}.pdf`);
  return req;
}

/** Row counts of everything an intake writes. */
async function written() {
  const [row] = await t.query<Record<string, number>>(
    `SELECT (SELECT count(*)::int FROM dossier) AS dossiers, (SELECT count(*)::int FROM app_user) AS users,
            (SELECT count(*)::int FROM dossier_event) AS events, (SELECT count(*)::int FROM dossier_file) AS files,
            (SELECT count(*)::int FROM outbox) AS outbox, (SELECT coalesce(sum(last), 0)::int FROM dossier_code_counter) AS codes`,
  );
  return row;
}

describe('counter intake', () => {
  it('opens an account for a new person and receives the dossier at once: code, clock, first step, scan, event, outbox', async () => {
    const res = await intake(cast.receptionist, {}, { GCS: PDF }).expect(201);
    expect(res.body).toMatchObject({
      status: 'IN_PROGRESS',
      channel: 'COUNTER',
      step: 'processing',
      agencyCode: 'H12.05',
      code: expect.stringMatching(/^H12\.05-\d{6}-\d{4}$/),
      receivedAt: expect.any(String),
      clockStart: expect.any(String),
      dueAt: expect.any(String),
      stepDueAt: expect.any(String),
      digitised: true,
      formData: { childName: 'Lê Bé Hoa' },
      components: [expect.objectContaining({ componentCode: 'GCS', source: 'SCAN', mimeType: 'application/pdf' })],
    });
    expect(new Date(res.body.dueAt).getTime()).toBeGreaterThan(new Date(res.body.clockStart).getTime());
    expect(res.body.events.map((e: { action: string; toStatus: string }) => [e.action, e.toStatus])).toEqual([
      ['counter-intake', 'IN_PROGRESS'],
    ]);

    const [user] = await t.query<{ id: string; email: string; roles: string[]; full_name: string; phone: string }>(
      `SELECT id, email, roles, full_name, phone FROM app_user WHERE citizen_id = $1`,
      [NEW_PERSON.citizenId],
    );
    expect(user).toMatchObject({ email: '001095000123@counter.invalid', roles: ['CITIZEN'], full_name: 'Lê Thị Cúc', phone: '0912345678' });
    const [d] = await t.query<{ applicant_id: string }>(`SELECT applicant_id FROM dossier WHERE id = $1`, [res.body.id]);
    expect(d.applicant_id).toBe(user.id);
    const outbox = await t.query<{ kind: string; userId: string }>(
      `SELECT payload->>'kind' AS kind, payload->>'userId' AS "userId" FROM outbox WHERE payload->>'dossierId' = $1`,
      [res.body.id],
    );
    expect(outbox).toEqual([{ kind: 'dossier.received', userId: user.id }]);
    // The account cannot be signed into until the person sets a password.
    await t.http
      .post('/api/v1/auth/login')
      .send({ username: NEW_PERSON.citizenId, password: '' })
      .expect((r) => expect(r.status).toBeGreaterThanOrEqual(400));
    // The receptionist's agency sees it in its list.
    const list = await t.http.get('/api/v1/dossiers?status=IN_PROGRESS').set(as(cast.receptionist)).expect(200);
    expect(list.body.items.map((i: { id: string }) => i.id)).toContain(res.body.id);
  });

  it('finds a person who has an account by the citizen ID, keeping the account as it is', async () => {
    const before = await written();
    const res = await intake(cast.receptionist, { applicant: { citizenId: '001090000001', fullName: 'Tên gõ khác' } }, { GCS: PDF }).expect(
      201,
    );
    const after = await written();
    expect(after.users).toBe(before.users);
    const [owner] = await t.query<{ email: string; full_name: string }>(
      `SELECT u.email, u.full_name FROM dossier d JOIN app_user u ON u.id = d.applicant_id WHERE d.id = $1`,
      [res.body.id],
    );
    expect(owner).toEqual({ email: 'an@example.vn', full_name: 'Nguyễn Văn An' });
    // The citizen sees the counter dossier among their own.
    const mine = await t.http.get('/api/v1/dossiers').set(as(cast.citizen)).expect(200);
    expect(mine.body.items.map((i: { id: string }) => i.id)).toContain(res.body.id);
  });

  it('is the receptionist’s alone', async () => {
    for (const token of [cast.specialist, cast.leader, cast.citizen, cast.admin]) await intake(token, {}, { GCS: PDF }).expect(403);
    await t.http.post('/api/v1/counter/dossiers').send({}).expect(401);
  });

  it('answers 422 listing every missing component and field at once, and writes nothing', async () => {
    const before = await written();
    const res = await t.http
      .post('/api/v1/counter/dossiers')
      .set(as(cast.receptionist))
      .send({ procedureCode: '1.001193', applicant: { citizenId: '001095000999', fullName: 'Người Mới' }, formData: { hasFather: true } })
      .expect(422);
    expect((res.body.errors as { path: string }[]).map((e) => e.path).sort()).toEqual([
      'components.GCS',
      'formData.childName',
      'formData.fatherCitizenId',
    ]);
    expect(await written()).toEqual(before);
    expect(await t.query(`SELECT 1 FROM app_user WHERE citizen_id = '001095000999'`)).toEqual([]);
  });

  it('checks the applicant and every scan by its content', async () => {
    const before = await written();
    const bad = await intake(cast.receptionist, { applicant: { citizenId: '123', fullName: '' } }, { GCS: PDF }).expect(422);
    expect((bad.body.errors as { path: string }[]).map((e) => e.path).sort()).toEqual(['applicant.citizenId', 'applicant.fullName']);
    const fake = await intake(cast.receptionist, {}, { GCS: Buffer.from('<html>not a pdf</html>'), NOPE: PDF }).expect(422);
    expect(fake.body.errors).toEqual([
      expect.objectContaining({ path: 'components.GCS', code: 'dossier.fileType' }),
      expect.objectContaining({ path: 'components.NOPE', code: 'dossier.unknownComponent' }),
    ]);
    expect(await written()).toEqual(before);
  });

  it('refuses a procedure the receptionist’s agency does not serve, and an email taken by another account', async () => {
    const before = await written();
    const other = await intake(cast.otherReceptionist, {}, { GCS: PDF }).expect(422);
    expect(other.body.errors).toEqual([expect.objectContaining({ path: 'procedureCode', code: 'dossier.agencyNotServing' })]);
    const taken = await intake(
      cast.receptionist,
      { applicant: { ...NEW_PERSON, citizenId: '001095000777', email: 'binh@example.vn' } },
      { GCS: PDF },
    ).expect(409);
    expect(taken.body.errors).toEqual([expect.objectContaining({ path: 'applicant.email' })]);
    expect(await written()).toEqual(before);
  });

  it('numbers counter and online receptions in one daily sequence of the agency', async () => {
    const a = await intake(cast.receptionist, { applicant: { citizenId: '001095000201', fullName: 'Một' } }, { GCS: PDF }).expect(201);
    const b = await intake(cast.receptionist, { applicant: { citizenId: '001095000202', fullName: 'Hai' } }, { GCS: PDF }).expect(201);
    const n = (code: string) => Number(code.split('-').at(-1));
    expect(n(b.body.code)).toBe(n(a.body.code) + 1);
  });
});
