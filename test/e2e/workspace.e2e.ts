import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CalendarService } from '../../src/calendar/calendar.service.js';
import { insertUser, login, PASSWORD } from '../helpers/accounts.js';
import { PDF, setUpCast, type Cast } from '../helpers/dossier-fixtures.js';
import { startTestPortal, type TestPortal } from '../helpers/portal.js';

let t: TestPortal;
let cast: Cast;
let ids: { specialist: string; specialist2: string; leader: string };
let tokens: { specialist2: string; manager: string };

beforeAll(async () => {
  t = await startTestPortal();
  cast = await setUpCast(t);
  await insertUser(t, { email: 'cv2@h12.gov.vn', roles: ['SPECIALIST'], agencyCode: 'H12.05', fullName: 'Trần Chuyên Viên Hai' });
  await insertUser(t, { email: 'ql@h12.gov.vn', roles: ['MANAGER'], agencyCode: 'H12.05' });
  const rows = await t.query<{ email: string; id: string }>(`SELECT email, id FROM app_user`);
  const id = (email: string) => rows.find((r) => r.email === email)!.id;
  ids = { specialist: id('cv@h12.gov.vn'), specialist2: id('cv2@h12.gov.vn'), leader: id('ld@h12.gov.vn') };
  tokens = { specialist2: await login(t, 'cv2@h12.gov.vn'), manager: await login(t, 'ql@h12.gov.vn') };
});
afterAll(async () => {
  await t?.close();
});

const as = (token: string) => ({ Authorization: `Bearer ${token}` });
type Dossier = { id: string; version: number; status: string; code: string | null; components: { id: string }[] };

/** A citizen's online dossier, submitted. */
async function submitted(): Promise<Dossier> {
  const draft = await t.http
    .post('/api/v1/dossiers')
    .set(as(cast.citizen))
    .send({ procedureCode: '1.001193', agencyCode: 'H12.05', formData: { childName: 'Nguyễn Bé Na' } })
    .expect(201);
  await t.http
    .post(`/api/v1/dossiers/${draft.body.id}/files`)
    .set(as(cast.citizen))
    .field('componentCode', 'GCS')
    .attach('file', PDF, 'gcs.pdf')
    .expect(201);
  return (await t.http.post(`/api/v1/dossiers/${draft.body.id}/submit`).set(as(cast.citizen)).expect(200)).body as Dossier;
}

let seq = 0;
/** A paper dossier taken in at the counter: IN_PROGRESS at once. */
async function received(): Promise<Dossier> {
  seq += 1;
  const res = await t.http
    .post('/api/v1/counter/dossiers')
    .set(as(cast.receptionist))
    .field('procedureCode', '1.001193')
    .field('applicant', JSON.stringify({ citizenId: `00109600${String(seq).padStart(4, '0')}`, fullName: `Người Số ${seq}` }))
    .field('formData', JSON.stringify({ childName: 'Bé' }))
    .attach('files[GCS]', PDF, 'gcs.pdf')
    .expect(201);
  return res.body as Dossier;
}

const act = (token: string, id: string, action: string, body: Record<string, unknown>) =>
  t.http.post(`/api/v1/dossiers/${id}/actions/${action}`).set(as(token)).send(body);

/** A browser of its own (cookies), signed in through the sign-in page. */
async function browser(username: string) {
  const agent = request.agent(t.portal.app.getHttpServer());
  const page = await agent.get('/login').expect(200);
  await agent
    .post('/login')
    .type('form')
    .send({ _csrf: csrfOf(page.text), username, password: PASSWORD })
    .expect(303);
  return agent;
}
type Browser = Awaited<ReturnType<typeof browser>>;
const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)![1];
/** The hidden version of the form posting to `action`. */
function versionIn(html: string, action: string): string {
  const form = html.slice(html.indexOf(`action="${action}"`));
  return /name="version" value="(\d+)"/.exec(form)![1];
}
const links = (html: string) => [...html.matchAll(/href="\/workspace\/dossiers\/([0-9a-f-]{36})"/g)].map((m) => m[1]);

describe('the queues', () => {
  let online: Dossier;
  let inProgress: Dossier;
  let awaiting: Dossier;
  beforeAll(async () => {
    online = await submitted();
    inProgress = await received();
    awaiting = await received();
    await act(cast.specialist, awaiting.id, 'propose-result', { version: awaiting.version }).expect(200);
  });

  it('show each role its queue of its agency, oldest or most urgent first', async () => {
    const counter = await browser('motcua@h12.gov.vn');
    const reception = await counter.get('/workspace').expect(200);
    expect(reception.text).toContain('<caption id="queue-caption">Chờ tiếp nhận</caption>');
    expect(links(reception.text)).toContain(online.id);
    expect(links(reception.text)).not.toContain(inProgress.id);

    const processing = await (await browser('cv@h12.gov.vn')).get('/workspace').expect(200);
    expect(processing.text).toContain('<caption id="queue-caption">Đang xử lý</caption>');
    expect(links(processing.text)).toContain(inProgress.id);
    expect(links(processing.text)).not.toContain(awaiting.id);
    expect(processing.text).toContain(inProgress.code!);

    const approval = await (await browser('ld@h12.gov.vn')).get('/workspace').expect(200);
    expect(approval.text).toContain('<caption id="queue-caption">Chờ phê duyệt</caption>');
    expect(links(approval.text)).toEqual([awaiting.id]);

    // By step: the steps the dossiers are at, with their counts.
    const specialist = await browser('cv@h12.gov.vn');
    const byStep = await specialist.get('/workspace?queue=processing&step=processing').expect(200);
    expect(byStep.text).toMatch(/<option value="processing" selected>processing \(\d+\)<\/option>/);
    expect(links(byStep.text)).toContain(inProgress.id);
    expect(links((await specialist.get('/workspace?queue=processing&step=approval').expect(200)).text)).toEqual([]);

    const manager = await browser('ql@h12.gov.vn');
    expect(links((await manager.get('/workspace?queue=processing').expect(200)).text)).toContain(inProgress.id);
  });

  it('are linked from the header for staff only, and speak English too', async () => {
    const counter = await browser('motcua@h12.gov.vn');
    const home = await counter.get('/').expect(200);
    expect(home.text).toContain('<a class="usa-nav-link" href="/workspace"><span>Xử lý hồ sơ</span></a>');
    expect((await (await browser('an@example.vn')).get('/').expect(200)).text).not.toContain('href="/workspace"');
    const en = await counter.get('/workspace').set('Cookie', 'lang=en').expect(200);
    expect(en.text).toContain('<caption id="queue-caption">Waiting for reception</caption>');
    expect(en.text).toContain('<span>Workspace</span>');
    const page = await counter.get(`/workspace/dossiers/${online.id}`).set('Cookie', 'lang=en').expect(200);
    expect(page.text).toContain('Receive the dossier');
    expect(page.text).toContain('Tracking slip (Form 06)');
  });

  it('show another agency’s staff none of them, and no one else the workspace', async () => {
    const other = await browser('motcua@h1206.gov.vn');
    for (const queue of ['reception', 'processing', 'supplement', 'approval', 'result']) {
      const page = await other.get(`/workspace?queue=${queue}`).expect(200);
      expect(links(page.text)).toEqual([]);
      expect(page.text).toContain('Không có hồ sơ nào trong hàng đợi này.');
    }
    await (await browser('an@example.vn')).get('/workspace').expect(403);
    const anonymous = await t.http.get('/workspace').expect(303);
    expect(anonymous.headers.location).toBe('/login?next=%2Fworkspace');
    await other.get(`/workspace/dossiers/${inProgress.id}`).expect(404);
  });

  it('filter the overdue, the due within one working day and the unassigned', async () => {
    const late = await received();
    const soon = await received();
    const calendar = await t.portal.app.get(CalendarService).calendar();
    await t.query(`UPDATE dossier SET due_at = now() - interval '3 days' WHERE id = $1`, [late.id]);
    await t.query(`UPDATE dossier SET due_at = $2 WHERE id = $1`, [soon.id, calendar.addWorkingHours(new Date(), 3)]);
    await t.query(`UPDATE dossier SET due_at = $2 WHERE id = $1`, [inProgress.id, calendar.addWorkingHours(new Date(), 30)]);
    const specialist = await browser('cv@h12.gov.vn');

    const overdue = await specialist.get('/workspace?queue=processing&filter=overdue').expect(200);
    expect(links(overdue.text)).toEqual([late.id]);
    expect(overdue.text).toContain('<span class="usa-tag bg-secondary-dark">Quá hạn</span>');
    expect(overdue.text).toMatch(/id="filter-overdue" type="checkbox" name="filter" value="overdue" checked/);

    const dueSoon = await specialist.get('/workspace?queue=processing&filter=dueSoon').expect(200);
    expect(links(dueSoon.text)).toContain(soon.id);
    expect(links(dueSoon.text)).not.toContain(late.id);
    expect(links(dueSoon.text)).not.toContain(inProgress.id);

    await t.http
      .post(`/api/v1/dossiers/${soon.id}/assign`)
      .set(as(cast.leader))
      .send({ version: soon.version, assigneeId: ids.specialist })
      .expect(200);
    const unassigned = await specialist.get('/workspace?queue=processing&filter=unassigned').expect(200);
    expect(links(unassigned.text)).not.toContain(soon.id);
    expect(links(unassigned.text)).toContain(late.id);
    const mine = await specialist.get('/workspace?queue=processing&filter=mine').expect(200);
    expect(links(mine.text)).toEqual([soon.id]);
  });

  it('flag online dossiers past the 8-working-hour reception limit', async () => {
    const old = await submitted();
    await t.query(`UPDATE dossier SET submitted_at = now() - interval '10 days' WHERE id = $1`, [old.id]);
    const counter = await browser('motcua@h12.gov.vn');
    const all = await counter.get('/workspace?queue=reception').expect(200);
    expect(links(all.text)[0]).toBe(old.id); // oldest first
    expect(all.text).toContain('Quá 8 giờ');
    const late = await counter.get('/workspace?queue=reception&filter=receptionLate').expect(200);
    expect(links(late.text)).toEqual([old.id]);
  });

  it('page through a long queue', async () => {
    const counter = await browser('motcua@h12.gov.vn');
    for (let i = 0; i < 21; i++) await submitted();
    const first = await counter.get('/workspace?queue=reception').expect(200);
    expect(links(first.text)).toHaveLength(20);
    expect(first.text).toContain('Trang 1/2');
    const second = await counter.get('/workspace?queue=reception&page=2').expect(200);
    expect(links(second.text).length).toBeGreaterThan(0);
    expect(links(second.text).some((id) => links(first.text).includes(id))).toBe(false);
  });
});

describe('assignment', () => {
  it('assigns by hand to an officer of the unit with the step’s role, as an event, with the version checked', async () => {
    const d = await received();
    const res = await t.http
      .post(`/api/v1/dossiers/${d.id}/assign`)
      .set(as(cast.leader))
      .send({ version: d.version, assigneeId: ids.specialist2 })
      .expect(200);
    expect(res.body).toMatchObject({ assigneeId: ids.specialist2, status: 'IN_PROGRESS', version: d.version + 1 });
    expect(res.body.events.at(-1)).toMatchObject({
      action: 'assign',
      fromStatus: 'IN_PROGRESS',
      toStatus: 'IN_PROGRESS',
      data: { mode: 'manual' },
    });
    await t.http
      .post(`/api/v1/dossiers/${d.id}/assign`)
      .set(as(cast.leader))
      .send({ version: d.version, assigneeId: ids.specialist })
      .expect(409);
    const wrongRole = await t.http
      .post(`/api/v1/dossiers/${d.id}/assign`)
      .set(as(cast.leader))
      .send({ version: d.version + 1, assigneeId: ids.leader })
      .expect(422);
    expect(wrongRole.body.errors).toEqual([expect.objectContaining({ path: 'assigneeId', code: 'workspace.assigneeNotEligible' })]);
    await t.http
      .post(`/api/v1/dossiers/${d.id}/assign`)
      .set(as(cast.receptionist))
      .send({ version: d.version + 1 })
      .expect(403);
    await t.http
      .post(`/api/v1/dossiers/${d.id}/assign`)
      .set(as(tokens.manager))
      .send({ version: d.version + 1 })
      .expect(403);
    await t.http
      .post(`/api/v1/dossiers/${d.id}/assign`)
      .set(as(cast.otherReceptionist))
      .send({ version: d.version + 1 })
      .expect(404);
    // A specialist may take it (or hand it to a colleague of the step).
    await t.http
      .post(`/api/v1/dossiers/${d.id}/assign`)
      .set(as(cast.specialist))
      .send({ version: d.version + 1, assigneeId: ids.specialist })
      .expect(200);
  });

  it('assigns automatically to the least-loaded specialist', async () => {
    // Load them unevenly: specialist 2 holds three more open dossiers than specialist 1.
    for (let i = 0; i < 3; i++) {
      const d = await received();
      await t.http
        .post(`/api/v1/dossiers/${d.id}/assign`)
        .set(as(cast.leader))
        .send({ version: d.version, assigneeId: ids.specialist2 })
        .expect(200);
    }
    const load = async (id: string) =>
      (
        await t.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM dossier WHERE assignee_id = $1 AND status NOT IN ('RETURNED', 'REJECTED', 'STOPPED', 'WITHDRAWN', 'DRAFT')`,
          [id],
        )
      )[0].n;
    const [one, two] = [await load(ids.specialist), await load(ids.specialist2)];
    const least = one <= two ? ids.specialist : ids.specialist2;
    const d = await received();
    const res = await t.http.post(`/api/v1/dossiers/${d.id}/assign`).set(as(cast.leader)).send({ version: d.version }).expect(200);
    expect(res.body.assigneeId).toBe(least);
    expect(res.body.events.at(-1).data).toMatchObject({ mode: 'auto', assigneeId: least });

    // The same from the page's form: "automatic" is the empty choice.
    const other = await received();
    const leader = await browser('ld@h12.gov.vn');
    const page = await leader.get(`/workspace/dossiers/${other.id}`).expect(200);
    expect(page.text).toContain('Tự động: cán bộ đang giữ ít hồ sơ nhất');
    const action = `/workspace/dossiers/${other.id}/assign`;
    await leader
      .post(action)
      .type('form')
      .send({ _csrf: csrfOf(page.text), version: versionIn(page.text, action), assigneeId: '' })
      .expect(303);
    const after = await leader.get(`/workspace/dossiers/${other.id}`).expect(200);
    expect(after.text).toMatch(/Đã phân công cho .+\./);
    const [row] = await t.query<{ assignee_id: string }>(`SELECT assignee_id FROM dossier WHERE id = $1`, [other.id]);
    expect([ids.specialist, ids.specialist2]).toContain(row.assignee_id);
  });
});

describe('actions from the dossier page', () => {
  let counter: Browser;
  beforeAll(async () => {
    counter = await browser('motcua@h12.gov.vn');
  });

  it('receives with the form (CSRF, version), then tells the result in a flash message', async () => {
    const d = await submitted();
    const page = await counter.get(`/workspace/dossiers/${d.id}`).expect(200);
    const action = `/workspace/dossiers/${d.id}/actions/receive`;
    expect(page.text).toContain(`action="${action}"`);
    expect(page.text).toContain(`action="/workspace/dossiers/${d.id}/actions/reject"`);
    expect(page.text).not.toContain('/actions/approve"');
    const res = await counter
      .post(action)
      .type('form')
      .send({ _csrf: csrfOf(page.text), version: versionIn(page.text, action) })
      .expect(303);
    expect(res.headers.location).toBe(`/workspace/dossiers/${d.id}`);
    const after = await counter.get(`/workspace/dossiers/${d.id}`).expect(200);
    expect(after.text).toContain('Đã thực hiện: Tiếp nhận hồ sơ.');
    expect(after.text).toMatch(/H12\.05-\d{6}-\d{4}/);
    expect(after.text).toContain('<span class="usa-tag">Đang xử lý</span>');
  });

  it('answers a stale page with 409, the message and a reload link; a post without the token with 403', async () => {
    const d = await submitted();
    const page = await counter.get(`/workspace/dossiers/${d.id}`).expect(200);
    const action = `/workspace/dossiers/${d.id}/actions/receive`;
    await act(cast.receptionist, d.id, 'receive', { version: d.version }).expect(200); // someone else, meanwhile
    const stale = await counter
      .post(action)
      .type('form')
      .send({ _csrf: csrfOf(page.text), version: versionIn(page.text, action) })
      .expect(409);
    expect(stale.text).toContain('Hồ sơ vừa được người khác cập nhật');
    expect(stale.text).toContain(`<a class="usa-link" href="/workspace/dossiers/${d.id}">Tải lại hồ sơ</a>`);
    await counter
      .post(action)
      .type('form')
      .send({ version: String(d.version) })
      .expect(403);
  });

  it('lists what is missing one item per line, and shows a refused form’s errors beside its fields', async () => {
    const d = await received();
    const specialist = await browser('cv@h12.gov.vn');
    const page = await specialist.get(`/workspace/dossiers/${d.id}`).expect(200);
    const action = `/workspace/dossiers/${d.id}/actions/request-supplement`;
    const empty = await specialist
      .post(action)
      .type('form')
      .send({ _csrf: csrfOf(page.text), version: versionIn(page.text, action), items: '  \n', comment: 'x' })
      .expect(422);
    expect(empty.text).toContain('<a href="#request-supplement-items">');
    expect(empty.text).toContain('id="request-supplement-items-error"');
    expect(empty.text).toContain('>x</textarea>'); // what was typed stays

    await specialist
      .post(action)
      .type('form')
      .send({
        _csrf: csrfOf(page.text),
        version: versionIn(page.text, action),
        items: 'Bản sao giấy chứng sinh\r\nẢnh 4x6',
        comment: 'Trong 15 ngày',
      })
      .expect(303);
    const [event] = await t.query<{ data: { items: string[] }; comment: string; due: Date }>(
      `SELECT e.data, e.comment, d.supplement_due_at AS due FROM dossier_event e JOIN dossier d ON d.id = e.dossier_id
        WHERE e.dossier_id = $1 AND e.action = 'request-supplement'`,
      [d.id],
    );
    // The applicant's deadline is recorded with the event, as the dossier holds it.
    expect(event).toEqual({
      data: { items: ['Bản sao giấy chứng sinh', 'Ảnh 4x6'], supplementDueAt: event.due.toISOString() },
      comment: 'Trong 15 ngày',
      due: expect.any(Date),
    });
  });

  it('forwards, proposes, approves from the forms of the right roles', async () => {
    const d = await received();
    const specialist = await browser('cv@h12.gov.vn');
    let page = await specialist.get(`/workspace/dossiers/${d.id}`).expect(200);
    const propose = `/workspace/dossiers/${d.id}/actions/propose-result`;
    expect(page.text).toContain(`action="/workspace/dossiers/${d.id}/actions/forward"`);
    expect(page.text).toContain(`action="/workspace/dossiers/${d.id}/actions/extend"`);
    await specialist
      .post(propose)
      .type('form')
      .send({ _csrf: csrfOf(page.text), version: versionIn(page.text, propose), comment: 'Đủ điều kiện' })
      .expect(303);
    const leader = await browser('ld@h12.gov.vn');
    page = await leader.get(`/workspace/dossiers/${d.id}`).expect(200);
    const approve = `/workspace/dossiers/${d.id}/actions/approve`;
    expect(page.text).toContain(`action="/workspace/dossiers/${d.id}/actions/send-back"`);
    await leader
      .post(approve)
      .type('form')
      .send({ _csrf: csrfOf(page.text), version: versionIn(page.text, approve) })
      .expect(303);
    const after = await leader.get(`/workspace/dossiers/${d.id}`).expect(200);
    expect(after.text).toContain('<span class="usa-tag">Đã có kết quả</span>');
    expect(after.text).toContain('Trình kết quả');
    expect(after.text).toContain('Đủ điều kiện');
    // The receptionist hands it back from the result queue.
    const queue = await counter.get('/workspace?queue=result').expect(200);
    expect(links(queue.text)).toContain(d.id);
  });

  it('refuses a page action an officer’s role does not have (403), one not possible now (409), an unknown one (404)', async () => {
    const d = await received();
    const page = await counter.get(`/workspace/dossiers/${d.id}`).expect(200);
    const post = (action: string) =>
      counter
        .post(`/workspace/dossiers/${d.id}/actions/${action}`)
        .type('form')
        .send({ _csrf: csrfOf(page.text), version: String(d.version) });
    await post('propose-result').expect(403);
    const now = await post('approve').expect(409);
    expect(now.text).toContain('Không thể thực hiện thao tác này ở trạng thái hiện tại của hồ sơ.');
    await post('withdraw').expect(404);
  });
});

describe('files', () => {
  it('are downloaded with their stored type by the owner and the agency’s staff, not by others', async () => {
    const d = await submitted();
    const fileId = d.components[0].id;
    const url = `/api/v1/dossiers/${d.id}/files/${fileId}`;
    for (const token of [cast.receptionist, cast.citizen, cast.specialist]) {
      const res = await t.http.get(url).set(as(token)).buffer(true).expect(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toContain('attachment; filename="gcs.pdf"');
      expect(Buffer.compare(res.body as Buffer, PDF)).toBe(0);
    }
    await t.http.get(url).set(as(cast.otherCitizen)).expect(404);
    await t.http.get(url).set(as(cast.otherReceptionist)).expect(404);
    const another = await submitted();
    await t.http.get(`/api/v1/dossiers/${another.id}/files/${fileId}`).set(as(cast.receptionist)).expect(404);
    await t.http.get(url).expect(401);

    const counter = await browser('motcua@h12.gov.vn');
    const page = await counter.get(`/workspace/dossiers/${d.id}`).expect(200);
    expect(page.text).toContain(`href="/workspace/dossiers/${d.id}/files/${fileId}"`);
    const file = await counter.get(`/workspace/dossiers/${d.id}/files/${fileId}`).buffer(true).expect(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    await (await browser('motcua@h1206.gov.vn')).get(`/workspace/dossiers/${d.id}/files/${fileId}`).expect(404);
  });
});

describe('the counter intake page', () => {
  it('takes in a paper dossier on one multipart form and ends on the print-the-receipt page', async () => {
    const counter = await browser('motcua@h12.gov.vn');
    const choose = await counter.get('/workspace/counter').expect(200);
    expect(choose.text).toContain('href="/workspace/counter/1.001193"');
    const form = await counter.get('/workspace/counter/1.001193').expect(200);
    expect(form.text).toContain('enctype="multipart/form-data"');

    const bad = await counter
      .post('/workspace/counter/1.001193')
      .field('_csrf', csrfOf(form.text))
      .field('applicant.citizenId', '12')
      .field('childName', 'Bé Mai')
      .expect(422);
    expect(bad.text).toContain('href="#applicant-citizenId"');
    expect(bad.text).toContain('href="#applicant-fullName"');
    expect(bad.text).toContain('href="#files-GCS"');
    expect(bad.text).toContain('value="Bé Mai"');

    const ok = await counter
      .post('/workspace/counter/1.001193')
      .field('_csrf', csrfOf(form.text))
      .field('applicant.citizenId', '001097000001')
      .field('applicant.fullName', 'Đỗ Văn Em')
      .field('applicant.email', '')
      .field('childName', 'Bé Mai')
      .attach('files[GCS]', PDF, 'gcs.pdf')
      .expect(303);
    expect(ok.headers.location).toMatch(/^\/workspace\/counter\/received\/[0-9a-f-]{36}$/);
    const done = await counter.get(ok.headers.location!).expect(200);
    expect(done.text).toContain('In giấy tiếp nhận');
    const id = ok.headers.location!.split('/').at(-1);
    expect(done.text).toContain(`href="/dossiers/${id}/receipt.pdf"`);
    const [d] = await t.query<{ status: string; channel: string }>(`SELECT status, channel FROM dossier WHERE id = $1`, [id]);
    expect(d).toEqual({ status: 'IN_PROGRESS', channel: 'COUNTER' });
  });

  it('is the receptionist’s, and checks the token of the multipart form', async () => {
    await (await browser('cv@h12.gov.vn')).get('/workspace/counter').expect(403);
    const counter = await browser('motcua@h12.gov.vn');
    await counter
      .post('/workspace/counter/1.001193')
      .field('applicant.citizenId', '001097000002')
      .attach('files[GCS]', PDF, 'gcs.pdf')
      .expect(403);
    await (await browser('motcua@h1206.gov.vn')).get('/workspace/counter/1.001193').expect(404);
  });
});
