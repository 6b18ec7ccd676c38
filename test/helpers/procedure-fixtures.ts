import { insertAgency, insertUser, login } from './accounts.js';
import type { TestPortal } from './portal.js';

/**
 * A birth registration with two pages and chained conditions, as the page
 * tests use it: page 1 asks about the child (a father's ID only when the
 * father is known), page 2 about the declarant ("other" relationship asks
 * for a description; an address with province and commune).
 */
export function birthProcedure(code = '1.001193') {
  return {
    code,
    name: { vi: 'Đăng ký khai sinh', en: 'Birth registration' },
    sector: 'Hộ tịch',
    level: 'COMMUNE',
    agencyCodes: ['H12.05'],
    legalBasis: ['Luật Hộ tịch số 60/2014/QH13', 'Nghị định 123/2015/NĐ-CP'],
    description: { vi: 'Đăng ký việc sinh cho trẻ em.', en: 'Registers the birth of a child.' },
    processingTime: { workingDays: 0.5 },
    serviceLevel: 'FULL',
    fee: {
      amount: 50000,
      currency: 'VND',
      payWhen: 'BEFORE_RESULT',
      exemptions: [{ code: 'POOR', label: { vi: 'Hộ nghèo', en: 'Poor households' } }],
    },
    form: {
      pages: [
        { key: 'child', title: { vi: 'Thông tin trẻ', en: 'The child' } },
        { key: 'declarant', title: { vi: 'Người đi khai', en: 'The declarant' } },
      ],
      fields: [
        { key: 'childName', type: 'text', page: 'child', label: { vi: 'Họ tên trẻ', en: "Child's name" }, required: true, maxLength: 100 },
        { key: 'birthDate', type: 'date', page: 'child', label: { vi: 'Ngày sinh', en: 'Date of birth' }, required: true, max: 'today' },
        {
          key: 'gender',
          type: 'radio',
          page: 'child',
          label: { vi: 'Giới tính', en: 'Sex' },
          required: true,
          options: [
            { value: 'M', label: { vi: 'Nam', en: 'Male' } },
            { value: 'F', label: { vi: 'Nữ', en: 'Female' } },
          ],
        },
        { key: 'hasFather', type: 'checkbox', page: 'child', label: { vi: 'Có thông tin cha', en: 'Father known' } },
        {
          key: 'fatherCitizenId',
          type: 'citizenId',
          page: 'child',
          label: { vi: 'Số định danh của cha', en: "Father's ID number" },
          hint: { vi: '12 chữ số', en: '12 digits' },
          required: true,
          showIf: { field: 'hasFather', equals: true },
        },
        {
          key: 'relationship',
          type: 'select',
          page: 'declarant',
          label: { vi: 'Quan hệ với trẻ', en: 'Relationship to the child' },
          required: true,
          options: [
            { value: 'mother', label: { vi: 'Mẹ', en: 'Mother' } },
            { value: 'father', label: { vi: 'Cha', en: 'Father' } },
            { value: 'other', label: { vi: 'Khác', en: 'Other' } },
          ],
        },
        {
          key: 'relationshipOther',
          type: 'text',
          page: 'declarant',
          label: { vi: 'Quan hệ khác', en: 'Other relationship' },
          required: true,
          showIf: { field: 'relationship', equals: 'other' },
        },
        { key: 'email', type: 'email', page: 'declarant', label: { vi: 'Thư điện tử', en: 'Email' } },
        { key: 'residence', type: 'address', page: 'declarant', label: { vi: 'Nơi cư trú', en: 'Residence' }, required: true },
      ],
    },
    components: [
      {
        code: 'GCS',
        name: { vi: 'Giấy chứng sinh', en: 'Birth certificate from hospital' },
        required: true,
        accept: ['application/pdf', 'image/jpeg', 'image/png'],
        maxBytes: 10485760,
      },
      {
        code: 'CCCD',
        name: { vi: 'Căn cước của người đi khai', en: "Declarant's ID card" },
        required: true,
        satisfiedBy: { profile: 'citizenId' },
      },
    ],
    workflow: {
      steps: [
        { key: 'reception', role: 'RECEPTIONIST', share: 0.25 },
        { key: 'processing', role: 'SPECIALIST', share: 0.5 },
        { key: 'approval', role: 'LEADER', share: 0.25 },
      ],
    },
    resultTemplate: { title: 'Giấy khai sinh', body: 'Họ tên: {{formData.childName}}' },
  };
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** Two provinces with communes (addresses need them), an admin and a citizen; returns the admin's API token. */
export async function seedProcedureWorld(t: TestPortal, citizen: { email: string; citizenId: string; fullName: string }): Promise<string> {
  await insertAgency(t, 'H12', 'PROVINCE');
  await insertAgency(t, 'H12.05', 'COMMUNE', 'H12');
  await insertAgency(t, 'H12.06', 'COMMUNE', 'H12');
  await insertAgency(t, 'H13', 'PROVINCE');
  await insertAgency(t, 'H13.01', 'COMMUNE', 'H13');
  await insertUser(t, { email: 'quantri@tinh.gov.vn', fullName: 'Lê Quản Trị', roles: ['ADMIN'] });
  await insertUser(t, { ...citizen, roles: ['CITIZEN'] });
  return login(t, 'quantri@tinh.gov.vn');
}

/** Creates and publishes a procedure through the admin API. */
export async function publishProcedure(t: TestPortal, adminToken: string, body: { code: string } & Record<string, unknown>): Promise<void> {
  await t.http.post('/api/v1/admin/procedures').set(bearer(adminToken)).send(body).expect(201);
  await t.http.post(`/api/v1/admin/procedures/${body.code}/versions/1/publish`).set(bearer(adminToken)).expect(200);
}
