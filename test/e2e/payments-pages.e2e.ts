import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertUser, login } from '../helpers/accounts.js';
import { PDF, setUpCast, simpleProcedure, type Cast } from '../helpers/dossier-fixtures.js';
import { follow, postForm, signedInAgent, summaryRows, text, type PageAgent } from '../helpers/page-agent.js';
import { startTestPortal, type TestPortal } from '../helpers/portal.js';

const PROCEDURE = simpleProcedure('1.001193', {
  fee: {
    amount: 8000,
    currency: 'VND',
    payWhen: 'ON_SUBMIT',
    exemptions: [{ code: 'KHUYET_TAT', label: { vi: 'Người khuyết tật', en: 'Person with a disability' } }],
  },
});

let t: TestPortal;
let cast: Cast;
let citizen: PageAgent;

beforeAll(async () => {
  t = await startTestPortal(); // no Stripe key: the sandbox takes the payments
  cast = await setUpCast(t, PROCEDURE);
  await insertUser(t, { email: 'gs@h12.gov.vn', roles: ['MANAGER'], agencyCode: 'H12' });
  citizen = await signedInAgent(t, 'an@example.vn');
});
afterAll(async () => {
  await t?.close();
});

const as = (token: string) => ({ Authorization: `Bearer ${token}` });

async function draft(): Promise<string> {
  const d = await t.http
    .post('/api/v1/dossiers')
    .set(as(cast.citizen))
    .send({ procedureCode: '1.001193', agencyCode: 'H12.05', formData: { childName: 'Nguyễn Bé Na' } })
    .expect(201);
  await t.http
    .post(`/api/v1/dossiers/${d.body.id}/files`)
    .set(as(cast.citizen))
    .field('componentCode', 'GCS')
    .attach('file', PDF, 'gcs.pdf')
    .expect(201);
  return d.body.id as string;
}

const status = async (dossierId: string) =>
  (await t.query<{ status: string }>(`SELECT status FROM payment WHERE dossier_id = $1 ORDER BY created_at`, [dossierId])).map(
    (r) => r.status,
  );

describe('paying through the sandbox checkout', () => {
  let dossierId: string;
  let sandboxUrl: string;

  it('links the unpaid fee from the submission errors to the dossier page, which offers to pay', async () => {
    dossierId = await draft();
    const review = await citizen.get(`/dossiers/${dossierId}/review`).expect(200);
    expect(review.text).toContain(`action="/dossiers/${dossierId}/pay"`);
    const refused = await postForm(citizen, review.text, `/dossiers/${dossierId}/submit`, [], 422);
    expect(refused.text).toContain(`href="/dossiers/${dossierId}#payment"`);
    expect(refused.text).toContain('Cần nộp phí, lệ phí của hồ sơ trước.');

    const page = await citizen.get(`/dossiers/${dossierId}`).expect(200);
    expect(summaryRows(page.text)).toEqual(
      expect.arrayContaining([
        ['Số tiền', '8.000 đồng (Nộp khi nộp hồ sơ)'],
        ['Tình trạng', 'Chưa nộp'],
      ]),
    );
    const pay = await postForm(citizen, page.text, `/dossiers/${dossierId}/pay`, [], 303);
    sandboxUrl = pay.headers.location;
    expect(sandboxUrl).toMatch(/^\/payments\/sandbox\/[0-9a-f-]{36}$/);
    expect(await status(dossierId)).toEqual(['PENDING']);
  });

  it('shows a checkout clearly marked as a test, to the payer only', async () => {
    const page = await citizen.get(sandboxUrl).expect(200);
    expect(text(page.text)).toContain('THANH TOÁN THỬ NGHIỆM / TEST PAYMENT');
    expect(page.text).toContain('8.000 đồng');
    const other = await signedInAgent(t, 'binh@example.vn');
    await other.get(sandboxUrl).expect(404);
  });

  it('marks each language of the test banner with its own lang, for screen readers', async () => {
    const banner = '<span lang="vi">THANH TOÁN THỬ NGHIỆM</span> / <span lang="en">TEST PAYMENT</span>';
    const vi = await citizen.get(sandboxUrl).expect(200);
    expect(vi.text).toContain('<html lang="vi"');
    expect(vi.text).toContain(banner);
    expect(vi.text).toContain('/ <span lang="en">This is the portal&#x27;s test checkout: no real money moves.</span>');
    const en = await citizen.get(sandboxUrl).set('Accept-Language', 'en').expect(200);
    expect(en.text).toContain('<html lang="en"');
    expect(en.text).toContain(banner);
    expect(en.text).toContain('/ <span lang="vi">Đây là trang thanh toán thử nghiệm của cổng: không có tiền thật nào được chuyển.</span>');
  });

  it('names the procedure in the page’s language on the checkout', async () => {
    const rows = async (lang: string) => summaryRows((await citizen.get(sandboxUrl).set('Accept-Language', lang).expect(200)).text);
    expect(await rows('vi')).toContainEqual(['Hồ sơ', 'Đăng ký khai sinh']);
    expect(await rows('en')).toContainEqual(['Dossier', 'Birth registration']);
  });

  it('does not take the return from the checkout as proof of payment', async () => {
    const paymentId = sandboxUrl.split('/').pop()!;
    const back = await citizen.get(`/dossiers/${dossierId}/payment-return?payment=${paymentId}`).expect(200);
    expect(back.text).toContain('data-payment-state="confirming"');
    expect(await status(dossierId)).toEqual(['PENDING']);
  });

  it('confirms the payment through the signed notification when "pay" is pressed, once', async () => {
    const page = await citizen.get(sandboxUrl).expect(200);
    const paid = await postForm(citizen, page.text, `${sandboxUrl}/succeeded`, [], 303);
    const back = await follow(citizen, paid);
    expect(back.text).toContain('data-payment-state="paid"');
    // Paid, but still a draft: the page says it must still be submitted, and leads there.
    expect(back.text).toContain('Hồ sơ vẫn là bản nháp');
    expect(back.text).toContain(`href="/dossiers/${dossierId}/review"`);
    expect(await status(dossierId)).toEqual(['PAID']);
    expect(await t.query(`SELECT provider, type, outcome FROM payment_event`)).toEqual([
      { provider: 'SANDBOX', type: 'sandbox.payment.succeeded', outcome: 'PAID' },
    ]);
    // The same button again (a second tab): nothing more happens.
    await postForm(citizen, page.text, `${sandboxUrl}/succeeded`, [], 303);
    await postForm(citizen, page.text, `${sandboxUrl}/failed`, [], 303);
    expect(await status(dossierId)).toEqual(['PAID']);
    expect(await t.query(`SELECT id FROM payment_event`)).toHaveLength(1);

    const dossierPage = await citizen.get(`/dossiers/${dossierId}`).expect(200);
    expect(summaryRows(dossierPage.text)).toEqual(expect.arrayContaining([['Tình trạng', 'Đã nộp']]));
    expect(dossierPage.text).not.toContain(`action="/dossiers/${dossierId}/pay"`);
    const receipt = await citizen
      .get(`/payments/${sandboxUrl.split('/').pop()}/e-receipt.pdf`)
      .buffer(true)
      .expect(200);
    expect(receipt.headers['content-type']).toBe('application/pdf');

    const review = await citizen.get(`/dossiers/${dossierId}/review`).expect(200);
    expect(review.text).not.toContain(`action="/dossiers/${dossierId}/pay"`);
    await postForm(citizen, review.text, `/dossiers/${dossierId}/submit`, [], 303);
  });

  it('records a failure, after which a new checkout can be opened', async () => {
    const id = await draft();
    const page = await citizen.get(`/dossiers/${id}`).expect(200);
    const pay = await postForm(citizen, page.text, `/dossiers/${id}/pay`, [], 303);
    const checkout = await citizen.get(pay.headers.location).expect(200);
    await postForm(citizen, checkout.text, `${pay.headers.location}/failed`, [], 303);
    expect(await status(id)).toEqual(['FAILED']);
    const again = await citizen.get(`/dossiers/${id}`).expect(200);
    expect(text(again.text)).toContain('Thanh toán không thành công');
    const second = await postForm(citizen, again.text, `/dossiers/${id}/pay`, [], 303);
    expect(second.headers.location).not.toBe(pay.headers.location);
    expect(await status(id)).toEqual(['FAILED', 'PENDING']);
  });

  it('has no Stripe webhook without Stripe', async () => {
    await t.http.post('/api/v1/payments/webhooks/stripe').set('Content-Type', 'application/json').send('{}').expect(404);
  });
});

describe('the counter and the managers', () => {
  it('lets the counter grant an exemption with its grounds, with errors beside the fields', async () => {
    const id = await draft();
    const staff = await signedInAgent(t, 'motcua@h12.gov.vn');
    const page = await staff.get(`/workspace/dossiers/${id}/fee`).expect(200);
    expect(page.text).toContain('Người khuyết tật');
    const bad = await postForm(
      staff,
      page.text,
      `/workspace/dossiers/${id}/fee/exemption`,
      [
        ['category', 'KHUYET_TAT'],
        ['reason', ''],
      ],
      422,
    );
    expect(bad.text).toContain('Nhập căn cứ miễn');
    const ok = await postForm(
      staff,
      page.text,
      `/workspace/dossiers/${id}/fee/exemption`,
      [
        ['category', 'KHUYET_TAT'],
        ['reason', 'Giấy xác nhận khuyết tật số 7'],
      ],
      303,
    );
    const after = await follow(staff, ok);
    expect(after.text).toContain('Đã ghi nhận miễn phí, lệ phí.');
    expect(after.text).toContain('Được miễn');
    await (await signedInAgent(t, 'motcua@h1206.gov.vn')).get(`/workspace/dossiers/${id}/fee`).expect(404);
  });

  it('takes cash at the counter and shows the receipt number', async () => {
    const id = await draft();
    const staff = await signedInAgent(t, 'motcua@h12.gov.vn');
    const page = await staff.get(`/workspace/dossiers/${id}/fee`).expect(200);
    const done = await postForm(staff, page.text, `/workspace/dossiers/${id}/fee/cash`, [], 303);
    expect((await follow(staff, done)).text).toMatch(/Đã ghi nhận thu tiền mặt, biên lai số BL-\d\dE 0000002\./);
    const again = await postForm(staff, page.text, `/workspace/dossiers/${id}/fee/cash`, [], 422);
    expect(again.text).toContain('Phí, lệ phí của hồ sơ đã được nộp.');
  });

  it('lists the payments for managers, filtered, with a CSV export', async () => {
    const manager = await signedInAgent(t, 'gs@h12.gov.vn');
    const all = await manager.get('/payments').expect(200);
    expect(all.text).toContain('<caption>Các khoản thanh toán (4)</caption>');
    const cash = await manager.get('/payments?channel=CASH').expect(200);
    expect(cash.text).toContain('<caption>Các khoản thanh toán (1)</caption>');
    const csv = await manager.get('/payments/export.csv?channel=ONLINE').expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.text.trim().split('\r\n')).toHaveLength(4);
    await citizen.get('/payments').expect(403);
    expect(await login(t, 'gs@h12.gov.vn')).toBeTruthy();
  });

  it('names a dossier without a code by where it stands and its procedure, never by the procedure code', async () => {
    const manager = await signedInAgent(t, 'gs@h12.gov.vn');
    const dossiers = await t.query<{ id: string; status: string }>(
      `SELECT DISTINCT d.id, d.status FROM payment p JOIN dossier d ON d.id = p.dossier_id WHERE d.code IS NULL`,
    );
    expect(dossiers.map((d) => d.status).sort()).toEqual(['DRAFT', 'DRAFT', 'SUBMITTED']);
    const rows = (html: string) => [...html.matchAll(/<th scope="row">([\s\S]*?)<\/th>/g)].map((m) => m[1]);
    const vi = rows((await manager.get('/payments').expect(200)).text);
    expect(vi).toHaveLength(4);
    for (const r of vi) expect(text(r)).not.toBe('1.001193');
    // A draft: no link (no one but its citizen sees a draft); one submitted but not received yet: its page.
    expect(vi.filter((r) => r === 'Bản nháp<br><span class="text-normal">Đăng ký khai sinh</span>')).toHaveLength(3);
    const submitted = dossiers.find((d) => d.status === 'SUBMITTED')!;
    expect(vi).toContain(
      `<a class="usa-link" href="/dashboard/dossiers/${submitted.id}">Chưa có mã</a><br><span class="text-normal">Đăng ký khai sinh</span>`,
    );
    // The link opens for the manager who reads the list (the workspace page is the officers').
    await manager.get(`/dashboard/dossiers/${submitted.id}`).expect(200);
    const en = rows((await manager.get('/payments').set('Accept-Language', 'en').expect(200)).text);
    expect(en).toContain('Draft<br><span class="text-normal">Birth registration</span>');
  });

  it('counts the whole "to" day, labelled as the dashboard labels it', async () => {
    const manager = await signedInAgent(t, 'gs@h12.gov.vn');
    const vi = await manager.get('/payments').expect(200);
    expect(vi.text).toContain('<label class="usa-label" for="to">Đến ngày</label>');
    const en = await manager.get('/payments').set('Accept-Language', 'en').expect(200);
    expect(en.text).toContain('<label class="usa-label" for="to">To (inclusive)</label>');
    // The local day of the latest payment, and how many were paid (else started) up to the end of a day.
    const [{ last }] = await t.query<{ last: string }>(
      `SELECT to_char(max(coalesce(paid_at, created_at)) AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD') AS last FROM payment`,
    );
    const upTo = async (day: string) =>
      (
        await t.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM payment WHERE (coalesce(paid_at, created_at) AT TIME ZONE 'Asia/Ho_Chi_Minh')::date <= $1::date`,
          [day],
        )
      )[0].n;
    const dayBefore = new Date(Date.parse(`${last}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    for (const day of [last, dayBefore]) {
      const page = await manager.get(`/payments?to=${day}`).expect(200);
      const count = await upTo(day);
      if (count) expect(page.text).toContain(`<caption>Các khoản thanh toán (${count})</caption>`);
      else expect(page.text).toContain('Không có khoản thanh toán nào.');
      const csv = await manager.get(`/payments/export.csv?to=${day}`).expect(200);
      expect(csv.text.trim().split('\r\n')).toHaveLength(count + 1);
    }
    expect(await upTo(last)).toBe(4);
  });

  it('puts a period that ends before it starts, or a date that is no date, beside its field (422), never an empty list', async () => {
    const manager = await signedInAgent(t, 'gs@h12.gov.vn');
    const res = await manager.get('/payments?from=2026-11-30&to=2026-11-01&channel=CASH').expect(422);
    expect(res.text).toContain('data-error-summary');
    expect(res.text).toContain('<a href="#to">Đến ngày: Ngày kết thúc phải sau ngày bắt đầu.</a>');
    expect(res.text).toContain('<span class="usa-error-message" id="to-error">Ngày kết thúc phải sau ngày bắt đầu.</span>');
    expect(res.text).toMatch(/id="to" name="to" type="date"\s+value="2026-11-01"/);
    expect(res.text).toMatch(/<option value="CASH" selected>/);
    expect(res.text).not.toContain('Không có khoản thanh toán nào.');
    expect(res.text).not.toContain('<table');
    const en = await manager.get('/payments?from=2026-11-30&to=2026-11-01').set('Accept-Language', 'en').expect(422);
    expect(en.text).toContain('id="to-error">The end date must be after the start date.</span>');
    const bad = await manager.get('/payments?from=2026-13-45&to=nope').expect(422);
    expect(bad.text).toContain('id="from-error">Ngày bắt đầu không hợp lệ.</span>');
    expect(bad.text).toContain('id="to-error">Ngày kết thúc không hợp lệ.</span>');
    // A period of one day is a period.
    await manager.get('/payments?from=2026-11-01&to=2026-11-01').expect(200);
    await manager.get('/payments/export.csv?from=2026-11-30&to=2026-11-01').expect(422);
  });
});
