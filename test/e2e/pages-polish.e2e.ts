import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertUser } from '../helpers/accounts.js';
import { resolvedBirthDossier, setUpCast, type Cast } from '../helpers/dossier-fixtures.js';
import { signedInAgent, text, unescapeHtml, type PageAgent } from '../helpers/page-agent.js';
import { startTestPortal, type TestPortal } from '../helpers/portal.js';

let t: TestPortal;
let cast: Cast;
let manager: PageAgent;
const EN = { 'Accept-Language': 'en' };

beforeAll(async () => {
  t = await startTestPortal();
  cast = await setUpCast(t);
  await insertUser(t, { email: 'quanly@h12.gov.vn', roles: ['MANAGER'], agencyCode: 'H12', fullName: 'Quản Lý Tỉnh' });
  manager = await signedInAgent(t, 'quanly@h12.gov.vn');
  await resolvedBirthDossier(t, cast, 'Nguyễn Bé Na');
}, 60_000);
afterAll(async () => {
  await t?.close();
});

/** The value of an input, by id, as rendered. */
const valueOf = (html: string, id: string) => new RegExp(`id="${id}" name="${id}" type="date"\\s+value="([^"]*)"`).exec(html)?.[1];

describe('a wrong period on the dashboard', () => {
  const reversed = 'from=2026-11-30&to=2026-11-01';

  it('shows the filter form again, the error beside "to" and in the summary (422), not a bare error page', async () => {
    const res = await manager.get(`/dashboard?${reversed}&agencyCode=H12.05`).expect(422);
    expect(res.text).toContain('<h1>Bảng điều hành</h1>');
    expect(res.text).toContain('data-error-summary');
    expect(res.text).toContain('<a href="#to">Đến ngày: Ngày kết thúc phải sau ngày bắt đầu.</a>');
    expect(res.text).toContain('<span class="usa-error-message" id="to-error">Ngày kết thúc phải sau ngày bắt đầu.</span>');
    expect(res.text).toMatch(/id="to" name="to" type="date"\s+value="2026-11-01"[\s\S]*?aria-invalid="true"\s+aria-describedby="to-error"/);
    // What was typed stays, and the figures that would mean nothing are not shown.
    expect(valueOf(res.text, 'from')).toBe('2026-11-30');
    expect(res.text).toMatch(/<option value="H12.05" selected>/);
    expect(res.text).not.toContain('id="cards-heading"');
    expect(res.text).toContain('action="/dashboard"');

    const en = await manager.get(`/dashboard?${reversed}`).set(EN).expect(422);
    expect(en.text).toContain('id="to-error">The end date must be after the start date.</span>');
  });

  it('says a date that is no date, in words a page can use', async () => {
    const res = await manager.get('/dashboard?from=2026-13-45&to=2026-11-01').expect(422);
    expect(res.text).toContain('<a href="#from">Từ ngày: Ngày bắt đầu không hợp lệ.</a>');
    expect(res.text).toContain('id="from-error">Ngày bắt đầu không hợp lệ.</span>');
    expect(res.text).not.toContain('ISO 8601');
  });

  it('on the officers and service-index pages, links the summary to the dashboard’s form with the same filters', async () => {
    for (const [path, title] of [
      ['/dashboard/officers', 'Kết quả xử lý của cán bộ'],
      ['/dashboard/service-index', 'Chỉ số phục vụ'],
    ]) {
      const res = await manager.get(`${path}?${reversed}`).expect(422);
      expect(res.text).toContain(`<h1>${title}</h1>`);
      expect(unescapeHtml(res.text)).toContain(`<a href="/dashboard?${reversed}#to">Đến ngày: Ngày kết thúc phải sau ngày bắt đầu.</a>`);
      expect(res.text).not.toContain('<table');
    }
  });
});

describe('English pages', () => {
  it('name procedures in English in the dashboard’s "By procedure" table', async () => {
    const procedures = (html: string) => /<section aria-labelledby="procedures-heading"[\s\S]*?<\/section>/.exec(html)![0];
    const vi = procedures((await manager.get('/dashboard').expect(200)).text);
    expect(vi).toContain('<th scope="row">Đăng ký khai sinh (1.001193)</th>');
    const en = procedures((await manager.get('/dashboard').set(EN).expect(200)).text);
    expect(en).toContain('<th scope="row">Birth registration (1.001193)</th>');
    expect(en).not.toContain('Đăng ký khai sinh');
  });

  it('cite Decision 766 in English on the service index and transparency pages', async () => {
    const index = await manager.get('/dashboard/service-index').set(EN).expect(200);
    expect(index.text).toContain('Following Decision 766/QĐ-TTg of 23/6/2022;');
    const open = await t.http.get('/transparency').set(EN).expect(200);
    expect(open.text).toContain('Following Decision 766/QĐ-TTg of 23/6/2022;');
    expect(open.text).not.toContain('Quyết định 766');
    const vi = await t.http.get('/transparency').expect(200);
    expect(vi.text).toContain('Theo Quyết định 766/QĐ-TTg ngày 23/6/2022;');
  });
});

describe('tables on a phone', () => {
  it('stacks the transparency tables, each named as its heading reads, without a caption repeating it', async () => {
    const res = await t.http.get('/transparency').expect(200);
    const tables = [...res.text.matchAll(/<table [^>]*>/g)].map((m) => m[0]);
    expect(tables).toHaveLength(2);
    const headings = [
      ...res.text.matchAll(/<h2>([^<]*): <time datetime="[\d-]+">([^<]*)<\/time> – <time datetime="[\d-]+">([^<]*)<\/time><\/h2>/g),
    ];
    expect(headings).toHaveLength(2);
    for (const [i, table] of tables.entries()) {
      const [, name, from, to] = headings[i];
      expect(table).toContain('usa-table--stacked');
      expect(table).toContain(`aria-label="${name}: ${from} – ${to}"`);
    }
    expect(res.text).not.toContain('<caption');
    expect(res.text).toContain('<td data-label="Tỷ lệ đúng hạn">');
    expect(res.text).toContain('<td data-label="Xếp loại">');
  });

  it('writes service-index formulas in the text font, in a table that scrolls', async () => {
    const res = await manager.get('/dashboard/service-index').expect(200);
    expect(res.text).not.toContain('<code>');
    expect(res.text).toMatch(/<td class="portal-formula-cell"><span class="portal-formula">[^<]+<\/span><\/td>/);
    expect(res.text).toMatch(
      /<div class="usa-table-container--scrollable" tabindex="0" role="region" aria-labelledby="index-0-caption">\s*<table/,
    );
  });
});

describe('the working calendar', () => {
  it('has one landmark for its list of days, named by its heading', async () => {
    const admin = await signedInAgent(t, 'admin@h12.gov.vn');
    const res = await admin.get('/admin/calendar?year=2026').expect(200);
    expect(res.text.match(/aria-labelledby="days-heading"/g)).toHaveLength(1);
    expect(res.text).toMatch(/role="region" aria-labelledby="days-heading"/);
  });
});

describe('times on staff and citizen pages', () => {
  it('writes them day first, as the citizen pages do', async () => {
    const specialist = await signedInAgent(t, 'cv@h12.gov.vn');
    const [{ id }] = await t.query<{ id: string }>(`SELECT id FROM dossier WHERE code IS NOT NULL LIMIT 1`);
    const staff = text((await specialist.get(`/workspace/dossiers/${id}`).expect(200)).text);
    expect(staff).toMatch(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    expect(staff).not.toMatch(/\d{2}:\d{2} \d{2}\/\d{2}\/\d{4}/);
  });
});
