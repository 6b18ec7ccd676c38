import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertUser } from '../helpers/accounts.js';
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

/** A citizen's dossier, filled, with its file, submitted. */
async function submitted(formData: Record<string, unknown> = { childName: 'Nguyễn Bé Na' }) {
  const draft = await t.http
    .post('/api/v1/dossiers')
    .set(as(cast.citizen))
    .send({ procedureCode: '1.001193', agencyCode: 'H12.05', formData })
    .expect(201);
  await t.http
    .post(`/api/v1/dossiers/${draft.body.id}/files`)
    .set(as(cast.citizen))
    .field('componentCode', 'GCS')
    .attach('file', PDF, 'giay-chung-sinh.pdf')
    .expect(201);
  const res = await t.http.post(`/api/v1/dossiers/${draft.body.id}/submit`).set(as(cast.citizen)).expect(200);
  return res.body as { id: string; version: number; status: string };
}

const act = (token: string, id: string, action: string, body: Record<string, unknown>) =>
  t.http.post(`/api/v1/dossiers/${id}/actions/${action}`).set(as(token)).send(body);

describe('filing', () => {
  it('refuses to submit an incomplete dossier, listing every problem at once', async () => {
    const draft = await t.http
      .post('/api/v1/dossiers')
      .set(as(cast.citizen))
      .send({ procedureCode: '1.001193', agencyCode: 'H12.05', formData: { hasFather: true } })
      .expect(201);
    expect(draft.body).toMatchObject({ status: 'DRAFT', code: null, channel: 'ONLINE', version: 1 });
    const res = await t.http.post(`/api/v1/dossiers/${draft.body.id}/submit`).set(as(cast.citizen)).expect(422);
    expect((res.body.errors as { path: string }[]).map((e) => e.path).sort()).toEqual([
      'components.GCS',
      'formData.childName',
      'formData.fatherCitizenId',
    ]);
    expect((await t.http.get(`/api/v1/dossiers/${draft.body.id}`).set(as(cast.citizen)).expect(200)).body.status).toBe('DRAFT');
  });

  it('checks an upload by its content, not its name', async () => {
    const draft = await t.http
      .post('/api/v1/dossiers')
      .set(as(cast.citizen))
      .send({ procedureCode: '1.001193', agencyCode: 'H12.05' })
      .expect(201);
    const res = await t.http
      .post(`/api/v1/dossiers/${draft.body.id}/files`)
      .set(as(cast.citizen))
      .field('componentCode', 'GCS')
      .attach('file', Buffer.from('<html>not a pdf</html>'), 'fake.pdf')
      .expect(422);
    expect(res.body.errors).toEqual([expect.objectContaining({ path: 'file', code: 'dossier.fileType' })]);
    await t.http
      .post(`/api/v1/dossiers/${draft.body.id}/files`)
      .set(as(cast.citizen))
      .field('componentCode', 'NOPE')
      .attach('file', PDF, 'x.pdf')
      .expect(422);
  });

  it('submits a complete dossier, keeping only the visible fields, normalised', async () => {
    const d = await submitted({ childName: '  Nguyễn Bé Na ', hasFather: false, fatherCitizenId: '123' });
    expect(d).toMatchObject({ status: 'SUBMITTED', formData: { childName: 'Nguyễn Bé Na', hasFather: false } });
    expect(d).not.toHaveProperty('formData.fatherCitizenId');
    expect(d).toMatchObject({
      digitised: true,
      components: [
        expect.objectContaining({ componentCode: 'GCS', mimeType: 'application/pdf', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }),
      ],
    });
  });
});

describe('the one-stop workflow', () => {
  it('runs reception → supplement → answer → proposal → approval → return, with an event for each step', async () => {
    const d = await submitted();
    const received = await act(cast.receptionist, d.id, 'receive', { version: d.version }).expect(200);
    expect(received.body).toMatchObject({
      status: 'IN_PROGRESS',
      step: 'processing',
      code: expect.stringMatching(/^H12\.05-\d{6}-\d{4}$/),
    });
    expect(new Date(received.body.dueAt).getTime()).toBeGreaterThan(new Date(received.body.clockStart).getTime());

    const asked = await act(cast.specialist, d.id, 'request-supplement', {
      version: received.body.version,
      items: ['Bản sao giấy chứng sinh rõ nét'],
    }).expect(200);
    expect(asked.body).toMatchObject({ status: 'SUPPLEMENT_REQUESTED', supplementDueAt: expect.any(String) });

    const answered = await t.http
      .post(`/api/v1/dossiers/${d.id}/answer-supplement`)
      .set(as(cast.citizen))
      .send({ comment: 'Đã bổ sung' })
      .expect(200);
    expect(answered.body.status).toBe('IN_PROGRESS');
    // RESTART: a new clock from the answer.
    expect(new Date(answered.body.clockStart).getTime()).toBeGreaterThanOrEqual(new Date(received.body.clockStart).getTime());

    // Once per stage.
    await act(cast.specialist, d.id, 'request-supplement', { version: answered.body.version, items: ['Lần nữa'] }).expect(409);

    const proposed = await act(cast.specialist, d.id, 'propose-result', { version: answered.body.version }).expect(200);
    expect(proposed.body).toMatchObject({ status: 'AWAITING_APPROVAL', step: 'approval', proposal: 'RESULT' });
    const approved = await act(cast.leader, d.id, 'approve', { version: proposed.body.version }).expect(200);
    expect(approved.body).toMatchObject({
      status: 'RESULT_READY',
      completedAt: expect.any(String),
      outcome: expect.stringMatching(/^(EARLY|ON_TIME|LATE)$/),
    });
    const returned = await act(cast.receptionist, d.id, 'return-result', { version: approved.body.version }).expect(200);
    expect(returned.body).toMatchObject({ status: 'RETURNED', returnedAt: expect.any(String) });

    expect(returned.body.events.map((e: { action: string }) => e.action)).toEqual([
      'create',
      'submit',
      'receive',
      'request-supplement',
      'answer-supplement',
      'propose-result',
      'approve',
      'return-result',
    ]);
    const outbox = await t.query<{ kind: string }>(
      `SELECT payload->>'kind' AS kind FROM outbox WHERE payload->>'dossierId' = $1 ORDER BY id`,
      [d.id],
    );
    expect(outbox.map((o) => o.kind)).toEqual([
      'dossier.submitted',
      'dossier.received',
      'dossier.supplement-requested',
      'dossier.result-ready',
      'dossier.returned',
    ]);
  });

  it('refuses with 403 the wrong role, 409 the wrong status or a stale version, 404 what a user may not see', async () => {
    const d = await submitted();
    await act(cast.specialist, d.id, 'receive', { version: d.version }).expect(403);
    await act(cast.receptionist, d.id, 'approve', { version: d.version }).expect(409);
    await act(cast.receptionist, d.id, 'receive', { version: d.version - 1 }).expect(409);
    await act(cast.otherReceptionist, d.id, 'receive', { version: d.version }).expect(404);
    await t.http.get(`/api/v1/dossiers/${d.id}`).set(as(cast.otherCitizen)).expect(404);
    await t.http.get(`/api/v1/dossiers/${d.id}`).set(as(cast.otherReceptionist)).expect(404);
    await t.http.post(`/api/v1/dossiers/${d.id}/withdraw`).set(as(cast.otherCitizen)).expect(404);
    await act(cast.citizen, d.id, 'receive', { version: d.version }).expect(403);
    await act(cast.receptionist, d.id, 'not-an-action', { version: d.version }).expect(404);
    await act(cast.receptionist, d.id, 'reject', { version: d.version }).expect(422); // a refusal needs its reason
    // A dossier one may not see reads exactly like one that does not exist.
    const hidden = await t.http.get(`/api/v1/dossiers/${d.id}`).set(as(cast.otherCitizen)).expect(404);
    const missing = await t.http.get('/api/v1/dossiers/00000000-0000-4000-8000-000000000000').set(as(cast.otherCitizen)).expect(404);
    expect(hidden.body).toEqual({ ...missing.body, instance: hidden.body.instance });
    expect((await t.http.get(`/api/v1/dossiers/${d.id}`).set(as(cast.citizen)).expect(200)).body).toMatchObject({
      status: 'SUBMITTED',
      version: d.version,
    });
  });

  it('lets exactly one of two officers acting at once win', async () => {
    const d = await submitted();
    const results = await Promise.all([1, 2, 3, 4, 5].map(() => act(cast.receptionist, d.id, 'receive', { version: d.version })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409]);
    const events = await t.query(`SELECT 1 FROM dossier_event WHERE dossier_id = $1 AND action = 'receive'`, [d.id]);
    expect(events).toHaveLength(1);
  });

  it('numbers 50 parallel receptions consecutively, without gaps or duplicates', async () => {
    const ds = [];
    for (let i = 0; i < 50; i++) ds.push(await submitted());
    const received = await Promise.all(ds.map((d) => act(cast.receptionist, d.id, 'receive', { version: d.version }).expect(200)));
    const codes = received.map((r) => r.body.code as string);
    expect(new Set(codes).size).toBe(50);
    const numbers = codes.map((c) => Number(c.split('-').at(-1))).sort((a, b) => a - b);
    const first = numbers[0];
    expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => first + i));
  });

  it('keeps the event log append-only', async () => {
    await expect(t.query(`UPDATE dossier_event SET comment = 'rewritten'`)).rejects.toThrow(/append-only/);
    await expect(t.query(`DELETE FROM dossier_event`)).rejects.toThrow(/append-only/);
  });

  it('lets the citizen withdraw before a decision, not after', async () => {
    const d = await submitted();
    const res = await t.http.post(`/api/v1/dossiers/${d.id}/withdraw`).set(as(cast.citizen)).expect(200);
    expect(res.body.status).toBe('WITHDRAWN');
    await t.http.post(`/api/v1/dossiers/${d.id}/withdraw`).set(as(cast.citizen)).expect(409);
  });

  it('refuses at reception with a reason, and lists for each side what it may see', async () => {
    const d = await submitted();
    const res = await act(cast.receptionist, d.id, 'reject', { version: d.version, reason: 'Không thuộc thẩm quyền' }).expect(200);
    expect(res.body).toMatchObject({ status: 'REJECTED', reason: 'Không thuộc thẩm quyền', completedAt: null });
    const mine = await t.http.get('/api/v1/dossiers?status=REJECTED').set(as(cast.citizen)).expect(200);
    expect(mine.body.items.map((i: { id: string }) => i.id)).toContain(d.id);
    const theirs = await t.http.get('/api/v1/dossiers').set(as(cast.otherCitizen)).expect(200);
    expect(theirs.body.total).toBe(0);
    const other = await t.http.get('/api/v1/dossiers').set(as(cast.otherReceptionist)).expect(200);
    expect(other.body.total).toBe(0);
    const staff = await t.http.get('/api/v1/dossiers?status=REJECTED').set(as(cast.receptionist)).expect(200);
    expect(staff.body.items.map((i: { id: string }) => i.id)).toContain(d.id);
  });

  it('forwards between steps and agencies, sends back, and approves a proposed refusal as a completion', async () => {
    const d = await submitted();
    let r = await act(cast.receptionist, d.id, 'receive', { version: d.version }).expect(200);
    await act(cast.specialist, d.id, 'forward', { version: r.body.version, toStep: 'nowhere' }).expect(422);
    r = await act(cast.specialist, d.id, 'forward', { version: r.body.version, toStep: 'approval' }).expect(200);
    expect(r.body).toMatchObject({ status: 'IN_PROGRESS', step: 'approval', stepDueAt: expect.any(String) });
    r = await act(cast.specialist, d.id, 'propose-rejection', { version: r.body.version }).expect(422); // needs its reason
    r = await t.http.get(`/api/v1/dossiers/${d.id}`).set(as(cast.specialist)).expect(200);
    r = await act(cast.specialist, d.id, 'propose-rejection', { version: r.body.version, reason: 'Không đủ điều kiện' }).expect(200);
    expect(r.body).toMatchObject({ status: 'AWAITING_APPROVAL', proposal: 'REJECTION' });
    r = await act(cast.leader, d.id, 'send-back', { version: r.body.version, comment: 'Xem lại' }).expect(200);
    expect(r.body).toMatchObject({ status: 'IN_PROGRESS', proposal: null, step: 'processing' });
    r = await act(cast.specialist, d.id, 'propose-rejection', { version: r.body.version, reason: 'Không đủ điều kiện' }).expect(200);
    r = await act(cast.leader, d.id, 'approve', { version: r.body.version }).expect(200);
    // A refusal after processing is a completion (counted as resolved), unlike one at reception.
    expect(r.body).toMatchObject({
      status: 'REJECTED',
      reason: 'Không đủ điều kiện',
      completedAt: expect.any(String),
      outcome: expect.any(String),
    });

    // Handing over to another agency: its staff see it now, the first agency's counter no longer does.
    const e = await submitted();
    r = await act(cast.receptionist, e.id, 'receive', { version: e.version }).expect(200);
    r = await act(cast.receptionist, e.id, 'forward', { version: r.body.version, toStep: 'processing', toAgencyCode: 'H12.06' }).expect(
      200,
    );
    await t.http.get(`/api/v1/dossiers/${e.id}`).set(as(cast.otherReceptionist)).expect(200);
    await t.http.get(`/api/v1/dossiers/${e.id}`).set(as(cast.receptionist)).expect(404);
    await act(cast.receptionist, e.id, 'forward', { version: r.body.version, toAgencyCode: 'NOPE' }).expect(404);
  });

  it('forwards to an assignee only if they are active staff of the agency that will hold it, with the role of the step', async () => {
    const idOf = async (email: string) => (await t.query<{ id: string }>(`SELECT id FROM app_user WHERE email = $1`, [email]))[0].id;
    const [idleLeader, otherLeader, otherSpecialist] = await Promise.all([
      insertUser(t, { email: 'ld.nghi@h12.gov.vn', roles: ['LEADER'], agencyCode: 'H12.05' }),
      insertUser(t, { email: 'ld@h1206.gov.vn', roles: ['LEADER'], agencyCode: 'H12.06' }),
      insertUser(t, { email: 'cv@h1206.gov.vn', roles: ['SPECIALIST'], agencyCode: 'H12.06' }),
    ]);
    await t.query(`UPDATE app_user SET active = false WHERE id = $1`, [idleLeader]);
    const [leader, specialist, citizen] = await Promise.all(['ld@h12.gov.vn', 'cv@h12.gov.vn', 'an@example.vn'].map(idOf));

    const d = await submitted();
    const r = await act(cast.receptionist, d.id, 'receive', { version: d.version }).expect(200);
    // The approval step is the leader's: not a specialist, not a leader of another agency, not a deactivated one, not a citizen.
    for (const assigneeId of [specialist, otherLeader, idleLeader, citizen, '00000000-0000-4000-8000-000000000000']) {
      const res = await act(cast.specialist, d.id, 'forward', { version: r.body.version, toStep: 'approval', assigneeId }).expect(422);
      expect(res.body.errors).toEqual([expect.objectContaining({ path: 'assigneeId', code: 'workspace.assigneeNotEligible' })]);
    }
    // Nothing was written by the refusals.
    const same = await t.http.get(`/api/v1/dossiers/${d.id}`).set(as(cast.specialist)).expect(200);
    expect(same.body).toMatchObject({ version: r.body.version, step: 'processing', assigneeId: null });
    const ok = await act(cast.specialist, d.id, 'forward', { version: r.body.version, toStep: 'approval', assigneeId: leader }).expect(200);
    expect(ok.body).toMatchObject({ step: 'approval', assigneeId: leader });

    // To another agency: the assignee is one of its own staff.
    const e = await submitted();
    const received = await act(cast.receptionist, e.id, 'receive', { version: e.version }).expect(200);
    const toOther = { version: received.body.version, toStep: 'processing', toAgencyCode: 'H12.06' };
    await act(cast.receptionist, e.id, 'forward', { ...toOther, assigneeId: specialist }).expect(422);
    const moved = await act(cast.receptionist, e.id, 'forward', { ...toOther, assigneeId: otherSpecialist }).expect(200);
    expect(moved.body).toMatchObject({ step: 'processing', assigneeId: otherSpecialist });
  });

  it('extends once, with its reason, no later than one working day before the due date, keeping the legal due date', async () => {
    const d = await submitted();
    let r = await act(cast.receptionist, d.id, 'receive', { version: d.version }).expect(200);
    const dueAt = new Date(r.body.dueAt);
    const later = new Date(dueAt.getTime() + 3 * 24 * 3600_000).toISOString();
    await act(cast.specialist, d.id, 'extend', { version: r.body.version, newDueAt: later }).expect(422); // reason missing
    await act(cast.specialist, d.id, 'extend', { version: r.body.version, reason: 'Cần xác minh', newDueAt: r.body.dueAt }).expect(422);
    r = await act(cast.specialist, d.id, 'extend', { version: r.body.version, reason: 'Cần xác minh', newDueAt: later }).expect(200);
    expect(r.body).toMatchObject({ status: 'IN_PROGRESS', dueAt: dueAt.toISOString(), rescheduledAt: later });
    await act(cast.specialist, d.id, 'extend', { version: r.body.version, reason: 'Lần nữa', newDueAt: later }).expect(409);

    // Too late: less than one working day left before the due date.
    const e = await submitted();
    r = await act(cast.receptionist, e.id, 'receive', { version: e.version }).expect(200);
    await t.query(`UPDATE dossier SET due_at = now() + interval '1 hour' WHERE id = $1`, [e.id]);
    const res = await act(cast.specialist, e.id, 'extend', { version: r.body.version, reason: 'Muộn', newDueAt: later }).expect(409);
    expect(res.body.code).toBe('dossier.extendTooLate');
  });
});
