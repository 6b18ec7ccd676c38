import { insertAgency, insertUser, login } from './accounts.js';
import type { TestPortal } from './portal.js';

/** A minimal real PDF: file-type recognises it by content. */
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
export const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5d6f4c70000000049454e44ae426082',
  'hex',
);

/** A one-page birth registration served by H12.05: one upload (GCS), the ID card replaced by the profile. */
export function simpleProcedure(code = '1.001193', overrides: Record<string, unknown> = {}) {
  return {
    code,
    name: { vi: 'Đăng ký khai sinh', en: 'Birth registration' },
    sector: 'Hộ tịch',
    level: 'COMMUNE',
    agencyCodes: ['H12.05'],
    processingTime: { workingDays: 3 },
    serviceLevel: 'FULL',
    fee: { amount: 0, currency: 'VND', payWhen: 'ON_SUBMIT' },
    form: {
      fields: [
        { key: 'childName', type: 'text', label: { vi: 'Họ tên trẻ', en: "Child's name" }, required: true, maxLength: 100 },
        { key: 'hasFather', type: 'checkbox', label: { vi: 'Có thông tin cha', en: 'Father known' } },
        {
          key: 'fatherCitizenId',
          type: 'citizenId',
          label: { vi: 'Số định danh của cha', en: "Father's ID" },
          required: true,
          showIf: { field: 'hasFather', equals: true },
        },
      ],
    },
    components: [
      {
        code: 'GCS',
        name: { vi: 'Giấy chứng sinh', en: 'Birth certificate' },
        required: true,
        accept: ['application/pdf', 'image/png'],
        maxBytes: 1048576,
      },
      { code: 'CCCD', name: { vi: 'Căn cước', en: 'ID card' }, required: true, satisfiedBy: { profile: 'citizenId' } },
    ],
    workflow: {
      steps: [
        { key: 'reception', role: 'RECEPTIONIST', share: 0.125 },
        { key: 'processing', role: 'SPECIALIST', share: 0.625 },
        { key: 'approval', role: 'LEADER', share: 0.25 },
      ],
    },
    resultTemplate: { title: { vi: 'Giấy khai sinh', en: 'Birth certificate' }, body: 'Họ tên: {{formData.childName}}' },
    ...overrides,
  };
}

export interface Cast {
  admin: string;
  citizen: string;
  otherCitizen: string;
  receptionist: string;
  specialist: string;
  leader: string;
  /** Staff of another commune: must not see H12.05's dossiers. */
  otherReceptionist: string;
  citizenId: string;
}

/** The province, two communes, one account per role, and the procedure published. */
export async function setUpCast(t: TestPortal, procedure = simpleProcedure()): Promise<Cast> {
  await insertAgency(t, 'H12', 'PROVINCE');
  await insertAgency(t, 'H12.05', 'COMMUNE', 'H12');
  await insertAgency(t, 'H12.06', 'COMMUNE', 'H12');
  const citizenId = await insertUser(t, {
    email: 'an@example.vn',
    roles: ['CITIZEN'],
    citizenId: '001090000001',
    fullName: 'Nguyễn Văn An',
  });
  await Promise.all([
    insertUser(t, { email: 'admin@h12.gov.vn', roles: ['ADMIN'] }),
    insertUser(t, { email: 'binh@example.vn', roles: ['CITIZEN'], citizenId: '001090000002' }),
    insertUser(t, { email: 'motcua@h12.gov.vn', roles: ['RECEPTIONIST'], agencyCode: 'H12.05' }),
    insertUser(t, { email: 'cv@h12.gov.vn', roles: ['SPECIALIST'], agencyCode: 'H12.05' }),
    insertUser(t, { email: 'ld@h12.gov.vn', roles: ['LEADER'], agencyCode: 'H12.05' }),
    insertUser(t, { email: 'motcua@h1206.gov.vn', roles: ['RECEPTIONIST'], agencyCode: 'H12.06' }),
  ]);
  const [admin, citizen, otherCitizen, receptionist, specialist, leader, otherReceptionist] = await Promise.all(
    [
      'admin@h12.gov.vn',
      'an@example.vn',
      'binh@example.vn',
      'motcua@h12.gov.vn',
      'cv@h12.gov.vn',
      'ld@h12.gov.vn',
      'motcua@h1206.gov.vn',
    ].map((u) => login(t, u)),
  );
  await t.http.post('/api/v1/admin/procedures').set('Authorization', `Bearer ${admin}`).send(procedure).expect(201);
  await t.http.post(`/api/v1/admin/procedures/${procedure.code}/versions/1/publish`).set('Authorization', `Bearer ${admin}`).expect(200);
  return { admin, citizen, otherCitizen, receptionist, specialist, leader, otherReceptionist, citizenId };
}

/** A birth registration (the `simpleProcedure`, `formData` added to its answers) filed online at H12.05 by `cast.citizen`, with its one upload: SUBMITTED. */
export async function submitBirthDossier(
  t: TestPortal,
  cast: Cast,
  childName: string,
  formData: Record<string, unknown> = {},
): Promise<{ id: string; version: number } & Record<string, unknown>> {
  const auth = { Authorization: `Bearer ${cast.citizen}` };
  const draft = await t.http
    .post('/api/v1/dossiers')
    .set(auth)
    .send({ procedureCode: '1.001193', agencyCode: 'H12.05', formData: { childName, ...formData } })
    .expect(201);
  await t.http
    .post(`/api/v1/dossiers/${draft.body.id}/files`)
    .set(auth)
    .field('componentCode', 'GCS')
    .attach('file', PDF, 'gcs.pdf')
    .expect(201);
  return (await t.http.post(`/api/v1/dossiers/${draft.body.id}/submit`).set(auth).expect(200)).body as { id: string; version: number };
}

/** An action on a dossier through the API as `token` (the body carries the `version`), expecting 200. */
export function actAs(t: TestPortal, token: string, id: string, action: string, body: Record<string, unknown>) {
  return t.http.post(`/api/v1/dossiers/${id}/actions/${action}`).set('Authorization', `Bearer ${token}`).send(body).expect(200);
}

/** A birth registration filed, received, proposed and approved today by the cast's officers: RESULT_READY. */
export async function resolvedBirthDossier(t: TestPortal, cast: Cast, childName: string): Promise<{ id: string; code: string }> {
  const submitted = await submitBirthDossier(t, cast, childName);
  let r = await actAs(t, cast.receptionist, submitted.id, 'receive', { version: submitted.version });
  r = await actAs(t, cast.specialist, submitted.id, 'propose-result', { version: r.body.version });
  r = await actAs(t, cast.leader, submitted.id, 'approve', { version: r.body.version });
  return { id: r.body.id as string, code: r.body.code as string };
}
