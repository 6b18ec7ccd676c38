import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDF, setUpCast, simpleProcedure, type Cast } from '../helpers/dossier-fixtures.js';
import { pdfSignatures } from '../helpers/pdf.js';
import { startTestPortal, type TestPortal } from '../helpers/portal.js';
import { binary } from '../helpers/binary.js';

let t: TestPortal;
let cast: Cast;
beforeAll(async () => {
  t = await startTestPortal();
  cast = await setUpCast(t, simpleProcedure('1.001193'));
});
afterAll(async () => {
  await t?.close();
});

const as = (token: string) => ({ Authorization: `Bearer ${token}` });

describe('the one-stop forms are signed by the dossier agency', () => {
  let id: string;
  beforeAll(async () => {
    const draft = await t.http
      .post('/api/v1/dossiers')
      .set(as(cast.citizen))
      .send({ procedureCode: '1.001193', agencyCode: 'H12.05', formData: { childName: 'Nguyễn Bé Na' } })
      .expect(201);
    id = draft.body.id as string;
    await t.http
      .post(`/api/v1/dossiers/${id}/files`)
      .set(as(cast.citizen))
      .field('componentCode', 'GCS')
      .attach('file', PDF, 'gcs.pdf')
      .expect(201);
    const submitted = await t.http.post(`/api/v1/dossiers/${id}/submit`).set(as(cast.citizen)).expect(200);
    await t.http
      .post(`/api/v1/dossiers/${id}/actions/receive`)
      .set(as(cast.receptionist))
      .send({ version: submitted.body.version })
      .expect(200);
  });

  it.each([
    ['the receipt (Form 01)', 'receipt.pdf'],
    ['the tracking slip (Form 06)', 'documents/06.pdf'],
  ])('%s carries a signature that pdfsig reports valid', async (_name, path) => {
    const res = await t.http.get(`/api/v1/dossiers/${id}/${path}`).set(as(cast.citizen)).buffer(true).parse(binary).expect(200);
    const report = await pdfSignatures(res.body as Buffer);
    expect(report).toContain('Signature Validation: Signature is Valid.');
    expect(report).toContain('Total document signed');
    expect(report).toMatch(/Signer full Distinguished Name: .*OU=H12\.05/);
  });

  it('a receipt altered by one byte is reported as not valid', async () => {
    const res = await t.http.get(`/api/v1/dossiers/${id}/receipt.pdf`).set(as(cast.citizen)).buffer(true).parse(binary).expect(200);
    const altered = Buffer.from(res.body as Buffer);
    const at = altered.indexOf('/MediaBox');
    altered[at + 2] = altered[at + 2] ^ 0x01;
    const report = await pdfSignatures(altered);
    expect(report).toContain('Signature Validation');
    expect(report).not.toContain('Signature is Valid');
  });
});
