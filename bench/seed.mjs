// The data both HTTP benchmarks start from: the province H12 and its commune H12.05, an
// administrator, a receptionist, N citizens (one password hash for all: seeding stays fast), and
// a published birth registration whose only component is replaced by the applicant's profile,
// so a dossier is complete without an upload.
import pg from 'pg';
import { hashPassword } from '../dist/auth/password.js';
import { checkDefinition } from '../dist/procedures/forms/check-definition.js';

export const PASSWORD = 'bench-password-123';
export const PROCEDURE_CODE = '1.001193';

/** A birth registration whose only component is replaced by the applicant's profile: no upload needed. */
const PROCEDURE = {
  name: { vi: 'Đăng ký khai sinh', en: 'Birth registration' },
  sector: 'Hộ tịch',
  level: 'COMMUNE',
  agencyCodes: ['H12.05'],
  processingTime: { workingDays: 3 },
  serviceLevel: 'FULL',
  fee: { amount: 0, currency: 'VND', payWhen: 'ON_SUBMIT' },
  form: {
    fields: [
      { key: 'childName', type: 'text', label: { vi: 'Họ tên trẻ' }, required: true, maxLength: 100 },
      { key: 'birthDate', type: 'date', label: { vi: 'Ngày sinh' }, required: true, max: 'today' },
      {
        key: 'gender',
        type: 'select',
        label: { vi: 'Giới tính' },
        required: true,
        options: [
          { value: 'F', label: { vi: 'Nữ' } },
          { value: 'M', label: { vi: 'Nam' } },
        ],
      },
      { key: 'hasFather', type: 'checkbox', label: { vi: 'Có thông tin cha' } },
      {
        key: 'fatherCitizenId',
        type: 'citizenId',
        label: { vi: 'Số định danh của cha' },
        required: true,
        showIf: { field: 'hasFather', equals: true },
      },
      { key: 'phone', type: 'phone', label: { vi: 'Điện thoại' } },
    ],
  },
  components: [{ code: 'CCCD', name: { vi: 'Căn cước' }, required: true, satisfiedBy: { profile: 'citizenId' } }],
  workflow: {
    steps: [
      { key: 'reception', role: 'RECEPTIONIST', share: 0.125 },
      { key: 'processing', role: 'SPECIALIST', share: 0.625 },
      { key: 'approval', role: 'LEADER', share: 0.25 },
    ],
  },
  resultTemplate: { title: 'Giấy khai sinh', body: 'Họ tên: {{formData.childName}}' },
};
export const FORM = {
  childName: 'Nguyễn Bé Na',
  birthDate: '2025-10-01',
  gender: 'F',
  hasFather: true,
  fatherCitizenId: '001085000123',
  phone: '0912345678',
};

export async function seed(url, citizens) {
  const checked = checkDefinition(PROCEDURE, { knownProcedureCodes: new Set(), knownAgencyCodes: new Set(['H12.05']) });
  if (!checked.ok) throw new Error(`bench procedure is invalid: ${JSON.stringify(checked.errors)}`);
  const definition = checked.definition;
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  const hash = await hashPassword(PASSWORD); // one hash for every account: seeding stays fast
  await db.query('BEGIN');
  await db.query(`INSERT INTO agency (code, name, level) VALUES ('H12', 'Tỉnh Minh Hà', 'PROVINCE')`);
  await db.query(
    `INSERT INTO agency (code, name, level, parent_id) SELECT 'H12.05', 'Xã An Phú', 'COMMUNE', id FROM agency WHERE code = 'H12'`,
  );
  await db.query(
    `INSERT INTO app_user (email, full_name, password_hash, roles) VALUES ('admin@h12.gov.vn', 'Quản trị', $1, ARRAY['ADMIN'])`,
    [hash],
  );
  await db.query(
    `INSERT INTO app_user (email, full_name, password_hash, roles, agency_id)
     SELECT 'motcua@h12.gov.vn', 'Cán bộ một cửa', $1, ARRAY['RECEPTIONIST'], id FROM agency WHERE code = 'H12.05'`,
    [hash],
  );
  await db.query(
    `INSERT INTO app_user (email, full_name, citizen_id, password_hash, roles)
     SELECT 'citizen' || i || '@bench.vn', 'Công dân ' || i, lpad(i::text, 12, '0'), $1, ARRAY['CITIZEN'] FROM generate_series(1, $2) i`,
    [hash, citizens],
  );
  const {
    rows: [p],
  } = await db.query(
    `INSERT INTO procedure (code, current_version, name, name_en, sector, level, agency_codes, service_level)
     VALUES ($1, 1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [
      PROCEDURE_CODE,
      definition.name.vi,
      definition.name.en,
      definition.sector,
      definition.level,
      definition.agencyCodes,
      definition.serviceLevel,
    ],
  );
  await db.query(
    `INSERT INTO procedure_version (procedure_id, version, status, definition, published_at) VALUES ($1, 1, 'PUBLISHED', $2, now())`,
    [p.id, definition],
  );
  await db.query('COMMIT');
  const users = (await db.query(`SELECT id, email, roles FROM app_user ORDER BY email`)).rows;
  await db.end();
  return {
    citizens: users.filter((u) => u.roles.includes('CITIZEN')),
    receptionist: users.find((u) => u.roles.includes('RECEPTIONIST')),
    admin: users.find((u) => u.roles.includes('ADMIN')),
  };
}
