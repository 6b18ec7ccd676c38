import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertUser } from '../helpers/accounts.js';
import { actAs, setUpCast, simpleProcedure, submitBirthDossier, type Cast } from '../helpers/dossier-fixtures.js';
import { signedInAgent, summaryRows, text, unescapeHtml, type PageAgent } from '../helpers/page-agent.js';
import { startTestPortal, type TestPortal } from '../helpers/portal.js';

/**
 * The dossiers behind the dashboard's numbers open, read-only, for the people
 * who see those numbers, by the statistics' rule (received by, or now at, an
 * agency in their scope); the staff page writes form dates as DD/MM/YYYY.
 */
let t: TestPortal;
let cast: Cast;
let agents: { provinceManager: PageAgent; otherCommuneManager: PageAgent; leader: PageAgent; specialist: PageAgent; admin: PageAgent };
/** Filed at H12.05 with a date answer, received there, then forwarded to the province. */
let forwarded: { id: string; code: string };
/** Filed at H12.05 and received there: still at the commune. */
let atCommune: { id: string; code: string };

/** The birth registration with a date of birth (stored as the validator's ISO date). */
function procedureWithDate() {
  const p = simpleProcedure();
  return {
    ...p,
    form: {
      fields: [
        ...p.form.fields,
        { key: 'birthDate', type: 'date', label: { vi: 'Ngày sinh của trẻ', en: "Child's date of birth" }, required: true },
      ],
    },
  };
}

async function receivedAtCommune(childName: string) {
  const submitted = await submitBirthDossier(t, cast, childName, { birthDate: '2026-01-15' });
  return actAs(t, cast.receptionist, submitted.id, 'receive', { version: submitted.version });
}

beforeAll(async () => {
  t = await startTestPortal();
  cast = await setUpCast(t, procedureWithDate() as ReturnType<typeof simpleProcedure>);
  await Promise.all([
    insertUser(t, { email: 'quanly@h12.gov.vn', roles: ['MANAGER'], agencyCode: 'H12', fullName: 'Quản Lý Tỉnh' }),
    insertUser(t, { email: 'quanly@h1206.gov.vn', roles: ['MANAGER'], agencyCode: 'H12.06', fullName: 'Quản Lý Xã Khác' }),
  ]);
  const [provinceManager, otherCommuneManager, leader, specialist, admin] = await Promise.all(
    ['quanly@h12.gov.vn', 'quanly@h1206.gov.vn', 'ld@h12.gov.vn', 'cv@h12.gov.vn', 'admin@h12.gov.vn'].map((u) => signedInAgent(t, u)),
  );
  agents = { provinceManager, otherCommuneManager, leader, specialist, admin };

  const a = await receivedAtCommune('Nguyễn Bé Chuyển');
  const moved = await actAs(t, cast.receptionist, a.body.id, 'forward', {
    version: a.body.version,
    toStep: 'processing',
    toAgencyCode: 'H12',
  });
  forwarded = { id: moved.body.id, code: moved.body.code };
  const b = await receivedAtCommune('Nguyễn Bé Ở Xã');
  atCommune = { id: b.body.id, code: b.body.code };
}, 60_000);
afterAll(async () => {
  await t?.close();
});

/** The drill-down's link of `code`, from the list behind "received". */
async function drillLink(agent: PageAgent, code: string): Promise<string> {
  const list = await agent.get('/dashboard/dossiers?figure=received').expect(200);
  const row = [...list.text.matchAll(/<a class="usa-link" href="([^"]+)">([^<]+)<\/a>/g)].find((m) => m[2] === code);
  expect(row, `${code} in the drill-down list`).toBeDefined();
  return unescapeHtml(row![1]);
}

describe('the dossier behind a dashboard number', () => {
  it('opens read-only for a province manager, from the drill-down, for a dossier received by a commune below', async () => {
    const href = await drillLink(agents.provinceManager, atCommune.code);
    expect(href).toBe(`/dashboard/dossiers/${atCommune.id}`);
    const page = await agents.provinceManager.get(href).expect(200);
    const words = text(page.text);
    expect(words).toContain(atCommune.code);
    expect(words).toContain('Trang này chỉ để xem, không có thao tác xử lý hồ sơ.');
    // Status, due date, timeline, files, form data, and no form at all.
    expect(words).toContain('Hạn trả kết quả');
    expect(words).toContain('Quá trình xử lý');
    expect(words).toContain('gcs.pdf');
    expect(words).toContain('Nguyễn Bé Ở Xã');
    expect(page.text).not.toContain('<form class="usa-form');
    expect(page.text).not.toContain('/actions/');
    // This manager also works on it where it is now: the officers' page is one click away.
    expect(page.text).toContain(`href="/workspace/dossiers/${atCommune.id}"`);
    // The file opens from the same page.
    const file = /href="(\/dashboard\/dossiers\/[^"]+\/files\/[^"]+)"/.exec(page.text)![1];
    const bytes = await agents.provinceManager.get(file).expect(200);
    expect(bytes.headers['content-type']).toBe('application/pdf');
  });

  it('opens for the receiving commune’s leader after it was forwarded to the province, whose workspace page it has left', async () => {
    await agents.leader.get(`/workspace/dossiers/${forwarded.id}`).expect(404);
    const page = await agents.leader.get(`/dashboard/dossiers/${forwarded.id}`).expect(200);
    expect(text(page.text)).toContain(forwarded.code);
    expect(page.text).not.toContain('/actions/');
    // Not linked to a workspace page this leader cannot open.
    expect(page.text).not.toContain(`href="/workspace/dossiers/${forwarded.id}"`);
    const file = /href="(\/dashboard\/dossiers\/[^"]+\/files\/[^"]+)"/.exec(page.text)![1];
    await agents.leader.get(file).expect(200);
  });

  it('stays a 404 for another commune’s manager, page and files', async () => {
    const page = await agents.otherCommuneManager.get(`/dashboard/dossiers/${atCommune.id}`).expect(404);
    expect(text(page.text)).not.toContain(atCommune.code);
    const [file] = await t.query<{ id: string }>(`SELECT id FROM dossier_file WHERE dossier_id = $1`, [atCommune.id]);
    await agents.otherCommuneManager.get(`/dashboard/dossiers/${atCommune.id}/files/${file.id}`).expect(404);
    await agents.otherCommuneManager.get('/dashboard/dossiers/not-an-id').expect(404);
  });

  it('is not for officers who do not see the dashboard', async () => {
    await agents.specialist.get(`/dashboard/dossiers/${atCommune.id}`).expect(403);
  });

  it('opens every dossier for an administrator, and viewing writes no event', async () => {
    const count = async () =>
      (await t.query<{ n: number }>(`SELECT (SELECT count(*) FROM dossier_event)::int + (SELECT count(*) FROM audit_event)::int AS n`))[0]
        .n;
    const before = await count();
    for (const d of [atCommune, forwarded]) {
      const href = await drillLink(agents.admin, d.code);
      const page = await agents.admin.get(href).expect(200);
      expect(text(page.text)).toContain(d.code);
    }
    expect(await count()).toBe(before);
  });
});

describe('form dates on the staff dossier page', () => {
  it('shows a date answer as DD/MM/YYYY, as the citizen reads it back, not as stored', async () => {
    const page = await agents.specialist.get(`/workspace/dossiers/${atCommune.id}`).expect(200);
    expect(summaryRows(page.text)).toContainEqual(['Ngày sinh của trẻ', '15/01/2026']);
    expect(page.text).not.toContain('2026-01-15');
    // The read-only page is the same page.
    const readOnly = await agents.provinceManager.get(`/dashboard/dossiers/${atCommune.id}`).expect(200);
    expect(summaryRows(readOnly.text)).toContainEqual(['Ngày sinh của trẻ', '15/01/2026']);
  });
});
