import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertUser, login } from '../helpers/accounts.js';
import { resolvedBirthDossier, setUpCast, type Cast } from '../helpers/dossier-fixtures.js';
import { signedInAgent, text, unescapeHtml, type PageAgent } from '../helpers/page-agent.js';
import { startTestPortal, type TestPortal } from '../helpers/portal.js';

let t: TestPortal;
let cast: Cast;
let manager: PageAgent;
let managerToken: string;
let dossier: { id: string; code: string };
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

beforeAll(async () => {
  t = await startTestPortal();
  cast = await setUpCast(t);
  await insertUser(t, { email: 'quanly@h12.gov.vn', roles: ['MANAGER'], agencyCode: 'H12', fullName: 'Quản Lý Tỉnh' });
  [manager, managerToken] = await Promise.all([signedInAgent(t, 'quanly@h12.gov.vn'), login(t, 'quanly@h12.gov.vn')]);
  dossier = await resolvedBirthDossier(t, cast, 'Nguyễn Bé Na');
}, 60_000);
afterAll(async () => {
  await t?.close();
});

describe('officer KPIs', () => {
  it('counts each officer’s hand-overs per step, on time against the step deadline', async () => {
    const res = await t.http.get('/api/v1/stats/by-officer').set(bearer(managerToken)).expect(200);
    const steps = Object.fromEntries(
      (res.body.items as { name: string; steps: { step: string; handled: number; onTime: number }[] }[]).map((i) => [i.name, i.steps]),
    );
    expect(steps['cv@h12.gov.vn']).toEqual([{ step: 'processing', handled: 1, onTime: 1, withDeadline: 1, onTimeRate: 1 }]);
    expect(steps['ld@h12.gov.vn']).toEqual([{ step: 'approval', handled: 1, onTime: 1, withDeadline: 1, onTimeRate: 1 }]);
    // The citizen who filed is not an officer.
    expect(Object.keys(steps)).not.toContain('Nguyễn Văn An');

    const [specialist] = await t.query<{ id: string }>(`SELECT id FROM app_user WHERE email = 'cv@h12.gov.vn'`);
    const theirs = await t.http.get('/api/v1/stats/summary').query({ officerId: specialist.id }).set(bearer(managerToken)).expect(200);
    expect(theirs.body.resolved).toEqual({ total: 1, early: 1, onTime: 0, late: 0 });
    expect(theirs.body.digitisedRate).toBe(1); // filed online with every component electronic
  });
});

describe('payments and reused components', () => {
  it('counts a dossier as paid online once an online payment reaches PAID, and as reusing data once a component is reused', async () => {
    const at = (hoursAgo: number) => new Date(Date.now() - hoursAgo * 3_600_000).toISOString();
    const res = await t.http
      .post('/api/v1/admin/dossiers/import')
      .set(bearer(cast.admin))
      .send({
        dossiers: [
          {
            code: 'PAY-1',
            procedureCode: '1.001193',
            agencyCode: 'H12.05',
            channel: 'ONLINE',
            applicant: { citizenId: '001090000055', fullName: 'Đinh Văn Phí' },
            fee: { amount: 50000, currency: 'VND' },
            events: [
              { type: 'SUBMITTED', at: at(2) },
              { type: 'RECEIVED', at: at(1) },
            ],
          },
        ],
      })
      .expect(200);
    const id = res.body.dossiers[0].id as string;
    const listed = async (figure: string) => {
      const list = await t.http.get('/api/v1/stats/dossiers').query({ figure }).set(bearer(managerToken)).expect(200);
      return (list.body.items as { code: string }[]).some((d) => d.code === 'PAY-1');
    };
    expect([await listed('withFee'), await listed('paidOnline'), await listed('reused')]).toEqual([true, false, false]);

    await t.query(
      `INSERT INTO payment (dossier_id, agency_id, status, channel, provider, amount, paid_at, receipt_year, receipt_series, receipt_no)
       SELECT id, agency_id, 'PAID', 'ONLINE', 'SANDBOX', 50000, now(), 2026, 'TEST', 1 FROM dossier WHERE id = $1`,
      [id],
    );
    await t.query(`INSERT INTO component_reuse (dossier_id, component_code, source) VALUES ($1, 'CCCD', 'PROFILE')`, [id]);
    expect([await listed('paidOnline'), await listed('reused')]).toEqual([true, true]);
    // A refund later does not undo "paid online".
    await t.query(`UPDATE payment SET status = 'REFUNDED', refunded_at = now() WHERE dossier_id = $1`, [id]);
    expect(await listed('paidOnline')).toBe(true);
  });
});

describe('the dashboard', () => {
  it('shows the figures, each linked to the dossiers behind it, with the filters kept', async () => {
    const page = await manager.get('/dashboard').expect(200);
    expect(page.text).toContain('<canvas class="portal-chart" data-chart=');
    expect(page.text).toContain('<script src="/assets/chart.umd.js"></script>');
    const hrefs = [...page.text.matchAll(/href="(\/dashboard\/dossiers\?[^"]+)"/g)].map((m) => unescapeHtml(m[1]));
    const received = hrefs.find((h) => h.includes('figure=received'))!;
    expect(received).toBeDefined();
    const list = await manager.get(received).expect(200);
    expect(text(list.text)).toContain(dossier.code);
    // Each dossier opens, read-only, for whoever sees the list: the manager and an administrator.
    expect(list.text).toContain(`href="/dashboard/dossiers/${dossier.id}"`);
    expect(text((await manager.get(`/dashboard/dossiers/${dossier.id}`).expect(200)).text)).toContain(dossier.code);
    const admin = await signedInAgent(t, 'admin@h12.gov.vn');
    const adminList = await admin.get(received).expect(200);
    const adminHref = unescapeHtml(new RegExp(`href="([^"]+)">${dossier.code}</a>`).exec(adminList.text)![1]);
    expect(text((await admin.get(adminHref).expect(200)).text)).toContain(dossier.code);

    // Filters ride in the URL: another commune has nothing.
    const other = await manager.get('/dashboard/dossiers?figure=received&agencyCode=H12.06').expect(200);
    expect(text(other.text)).not.toContain(dossier.code);
  });

  it('exports every table as CSV and XLSX', async () => {
    const csv = await manager.get('/dashboard/export/by-agency.csv?agencyCode=H12').expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.text).toContain('Tỷ lệ đúng hạn');
    const drill = await manager.get('/dashboard/export/dossiers.csv?figure=resolved').expect(200);
    expect(drill.text).toContain(dossier.code);
    const xlsx = await manager.get('/dashboard/export/by-officer.xlsx').expect(200);
    expect(xlsx.headers['content-type']).toMatch(/spreadsheetml/);
    const index = await manager.get('/dashboard/export/service-index.csv').expect(200);
    expect(index.text).toContain('20 × (đã giải quyết trước và đúng hạn + đang giải quyết chưa quá hạn) / tiếp nhận');
    await manager.get('/dashboard/export/nothing.csv').expect(404);
  });

  it('shows the service index with its formula and the points of each criterion', async () => {
    const page = text((await manager.get('/dashboard/service-index').expect(200)).text);
    expect(page).toContain('Quyết định 766/QĐ-TTg');
    expect(page).toContain('20 × (đã giải quyết trước và đúng hạn + đang giải quyết chưa quá hạn) / tiếp nhận');
    expect(page).toMatch(/Tiến độ giải quyết 20 \/ 20/); // the one dossier received this month was resolved early
    expect(page).toContain('Xuất sắc ≥ 90');
  });

  it('shows the officers page', async () => {
    const page = text((await manager.get('/dashboard/officers').expect(200)).text);
    expect(page).toContain('Xử lý, thẩm định: 1 lượt, 1 đúng hạn');
    expect(page).not.toContain('processing:');
  });

  it('writes the period as dd/mm/yyyy, with the machine-readable date beside it, in both languages', async () => {
    const period = '<time datetime="2026-01-01">01/01/2026</time> – <time datetime="2026-01-31">31/01/2026</time>';
    for (const path of ['/dashboard/service-index', '/dashboard/officers']) {
      for (const lang of ['vi', 'en']) {
        const page = await manager.get(`${path}?from=2026-01-01&to=2026-01-31`).set('Accept-Language', lang).expect(200);
        expect(page.text).toContain(period);
      }
    }
  });

  it('says there is nothing to draw rather than showing an empty chart', async () => {
    // Nothing happened in 2020: every chart would be empty.
    const empty = await manager.get('/dashboard?from=2020-01-01&to=2020-01-31').expect(200);
    expect(empty.text).not.toContain('data-chart=');
    expect(text(empty.text)).toContain('Kết quả giải quyết Không có số liệu trong kỳ này.');
    const english = await manager.get('/dashboard?from=2020-01-01&to=2020-01-31').set('Accept-Language', 'en').expect(200);
    expect(english.text).not.toContain('data-chart=');
    expect(text(english.text)).toContain('No data for this period.');
    // This month has a resolved dossier: its charts are drawn.
    expect((await manager.get('/dashboard').expect(200)).text).toContain('data-chart=');
  });

  it('labels its "to" date as the last day counted, as the payments list does', async () => {
    const vi = await manager.get('/dashboard').expect(200);
    expect(vi.text).toContain('<label class="usa-label" for="to">Đến ngày</label>');
    const en = await manager.get('/dashboard').set('Accept-Language', 'en').expect(200);
    expect(en.text).toContain('<label class="usa-label" for="to">To (inclusive)</label>');
    // A "to" date counts its whole day: today's resolved dossier is in a period ending today.
    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    const list = await manager.get(`/dashboard/dossiers?figure=received&from=${today}&to=${today}`).expect(200);
    expect(text(list.text)).toContain(dossier.code);
  });

  it('is for managers: a citizen is refused, a visitor asked to sign in', async () => {
    const citizen = await signedInAgent(t, 'an@example.vn');
    await citizen.get('/dashboard').expect(403);
    const visitor = await t.http.get('/dashboard');
    expect([302, 303]).toContain(visitor.status);
  });
});

describe('public pages', () => {
  it('shows the transparency page without signing in', async () => {
    const page = text((await t.http.get('/transparency').expect(200)).text);
    expect(page).toContain('Toàn tỉnh');
    expect(page).toContain('Agency H12.05 (H12.05)');
    expect(page).toContain('100,0%'); // the on-time rate of the one resolved dossier
  });

  it('writes its periods as dd/mm/yyyy, with the machine-readable dates beside them', async () => {
    for (const lang of ['vi', 'en']) {
      const html = (await t.http.get('/transparency').set('Accept-Language', lang).expect(200)).text;
      const [quarter, year] = [
        ...html.matchAll(/<h2>([^<]*): <time datetime="([\d-]+)">([^<]*)<\/time> – <time datetime="([\d-]+)">([^<]*)<\/time><\/h2>/g),
      ];
      expect(quarter[1]).toBe(lang === 'vi' ? 'Quý này' : 'This quarter');
      expect(year[1]).toBe(lang === 'vi' ? 'Năm nay' : 'This year');
      for (const m of [quarter, year]) {
        const [, , fromIso, fromText, toIso, toText] = m;
        expect(fromText).toBe(fromIso.split('-').reverse().join('/'));
        expect(toText).toBe(toIso.split('-').reverse().join('/'));
      }
      const y = year[2].slice(0, 4);
      expect([year[2], year[4]]).toEqual([`${y}-01-01`, `${y}-12-31`]);
      expect(text(html)).not.toMatch(/\d{4}-\d{2}-\d{2}/); // no ISO date left for people to read
    }
  });

  it('serves Chart.js from the portal itself', async () => {
    const res = await t.http.get('/assets/chart.umd.js').expect(200);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.text.length).toBeGreaterThan(100_000);
  });
});
