/**
 * Building blocks shared by the seed procedures: agency lists, the usual
 * workflows, reusable fields (sex, nationality, ethnicity) and components.
 * Everything here is plain data; the procedures themselves stay readable.
 */
import type {
  ComponentDefinition,
  FieldDefinition,
  FieldOption,
  LocalizedText,
  WorkflowStep,
} from '../../../procedures/forms/definition.js';

/** A text in Vietnamese and English. */
export function L(vi: string, en: string): LocalizedText {
  return { vi, en };
}

/** The demo communes and wards (H12.05 xã An Phú, H12.06 phường Hoà Bình, H12.07 xã Tân Lập). */
export const DEMO_COMMUNES = ['H12.05', 'H12.06', 'H12.07'];
/** Sở Tư pháp tỉnh Minh Hà. */
export const DEMO_DEPT_JUSTICE = 'H12.01';

export const MiB = 1024 * 1024;
export const PDF_ONLY = ['application/pdf'];
export const SCANS = ['application/pdf', 'image/jpeg', 'image/png'];

/** Decree 118/2025: 15 working days to supplement, unless a procedure says otherwise. */
export const SUPPLEMENT_DAYS = 15;

/**
 * The three-step flow of most procedures: the one-stop counter receives, the
 * specialised officer processes and drafts, the leader signs. Shares are
 * binary fractions (1/8, 5/8, 1/4) so that they sum to exactly 1.
 */
export function standardWorkflow(processing: LocalizedText, approval?: LocalizedText): { steps: WorkflowStep[] } {
  return {
    steps: [
      { key: 'reception', name: L('Tiếp nhận hồ sơ', 'Reception'), role: 'RECEPTIONIST', share: 0.125 },
      { key: 'processing', name: processing, role: 'SPECIALIST', share: 0.625 },
      {
        key: 'approval',
        name: approval ?? L('Lãnh đạo xem xét, ký duyệt', 'Review and signature by the leader'),
        role: 'LEADER',
        share: 0.25,
      },
    ],
  };
}

// ---------------------------------------------------------------------------
// Options
// ---------------------------------------------------------------------------

/**
 * Sex, nationality and ethnicity are printed as-is on the documents issued
 * (Giấy khai sinh, trích lục...), so their stored values are the Vietnamese
 * words themselves; other choices use ASCII codes.
 */
export const SEX_OPTIONS: FieldOption[] = [
  { value: 'Nam', label: L('Nam', 'Male') },
  { value: 'Nữ', label: L('Nữ', 'Female') },
];

export const VIETNAM = 'Việt Nam';
export const OTHER_NATIONALITY = 'Khác';

export const NATIONALITY_OPTIONS: FieldOption[] = [
  { value: VIETNAM, label: L('Việt Nam', 'Vietnamese') },
  { value: OTHER_NATIONALITY, label: L('Quốc tịch khác', 'Other nationality') },
];

/**
 * The 54 ethnic groups of Việt Nam, in the order of the national list
 * (Danh mục các dân tộc Việt Nam, Tổng cục Thống kê, codes 01–54).
 */
const ETHNIC_GROUPS: [string, string][] = [
  ['Kinh', 'Kinh'],
  ['Tày', 'Tay'],
  ['Thái', 'Thai'],
  ['Hoa', 'Hoa'],
  ['Khơ-me', 'Khmer'],
  ['Mường', 'Muong'],
  ['Nùng', 'Nung'],
  ['Mông', 'Hmong'],
  ['Dao', 'Dao'],
  ['Gia-rai', 'Gia Rai'],
  ['Ngái', 'Ngai'],
  ['Ê-đê', 'Ede'],
  ['Ba-na', 'Ba Na'],
  ['Xơ-đăng', 'Xo Dang'],
  ['Sán Chay', 'San Chay'],
  ['Cơ-ho', 'Co Ho'],
  ['Chăm', 'Cham'],
  ['Sán Dìu', 'San Diu'],
  ['Hrê', 'Hre'],
  ['Mnông', 'Mnong'],
  ['Ra-glai', 'Ra Glai'],
  ['Xtiêng', 'Xtieng'],
  ['Bru-Vân Kiều', 'Bru-Van Kieu'],
  ['Thổ', 'Tho'],
  ['Giáy', 'Giay'],
  ['Cơ-tu', 'Co Tu'],
  ['Gié-Triêng', 'Gie Trieng'],
  ['Mạ', 'Ma'],
  ['Khơ-mú', 'Kho Mu'],
  ['Co', 'Co'],
  ['Tà-ôi', 'Ta Oi'],
  ['Chơ-ro', 'Cho Ro'],
  ['Kháng', 'Khang'],
  ['Xinh-mun', 'Xinh Mun'],
  ['Hà Nhì', 'Ha Nhi'],
  ['Chu-ru', 'Chu Ru'],
  ['Lào', 'Lao'],
  ['La Chí', 'La Chi'],
  ['La Ha', 'La Ha'],
  ['Phù Lá', 'Phu La'],
  ['La Hủ', 'La Hu'],
  ['Lự', 'Lu'],
  ['Lô Lô', 'Lo Lo'],
  ['Chứt', 'Chut'],
  ['Mảng', 'Mang'],
  ['Pà Thẻn', 'Pa Then'],
  ['Cờ Lao', 'Co Lao'],
  ['Cống', 'Cong'],
  ['Bố Y', 'Bo Y'],
  ['Si La', 'Si La'],
  ['Pu Péo', 'Pu Peo'],
  ['Brâu', 'Brau'],
  ['Ơ Đu', 'O Du'],
  ['Rơ-măm', 'Ro Mam'],
];

export const ETHNICITY_OPTIONS: FieldOption[] = ETHNIC_GROUPS.map(([vi, en]) => ({ value: vi, label: L(vi, en) }));

// ---------------------------------------------------------------------------
// Fields
// ---------------------------------------------------------------------------

/** Who a group of fields is about: "của mẹ" / "Mother's". */
export interface Whose {
  /** Vietnamese possessive complement, e.g. `của mẹ`. */
  vi: string;
  /** English possessive, e.g. `Mother's`. */
  en: string;
}

/**
 * Nationality (Vietnamese or other, with the other one spelled out), the
 * ethnicity for Vietnamese citizens, and the identity document: the 12-digit
 * personal identification number for Vietnamese citizens, a passport otherwise.
 */
export function nationalityEthnicityAndId(prefix: string, whose: Whose, page?: string): FieldDefinition[] {
  const nat = `${prefix}Nationality`;
  return [
    {
      key: nat,
      type: 'select',
      label: L(`Quốc tịch ${whose.vi}`, `${whose.en} nationality`),
      required: true,
      options: NATIONALITY_OPTIONS,
      page,
    },
    {
      key: `${prefix}NationalityOther`,
      type: 'text',
      label: L(`Tên quốc tịch khác ${whose.vi}`, `${whose.en} other nationality`),
      hint: L('Ghi tên quốc gia, ví dụ: Lào, Hàn Quốc.', 'The country, e.g. Laos, Korea.'),
      required: true,
      maxLength: 60,
      showIf: { field: nat, equals: OTHER_NATIONALITY },
      page,
    },
    {
      key: `${prefix}Ethnicity`,
      type: 'select',
      label: L(`Dân tộc ${whose.vi}`, `${whose.en} ethnic group`),
      required: true,
      options: ETHNICITY_OPTIONS,
      showIf: { field: nat, equals: VIETNAM },
      page,
    },
    {
      key: `${prefix}CitizenId`,
      type: 'citizenId',
      label: L(`Số định danh cá nhân ${whose.vi}`, `${whose.en} personal identification number`),
      hint: L('12 chữ số, in trên thẻ Căn cước hoặc Căn cước công dân.', '12 digits, printed on the ID card.'),
      required: true,
      showIf: { field: nat, equals: VIETNAM },
      page,
    },
    {
      key: `${prefix}Passport`,
      type: 'text',
      label: L(`Số hộ chiếu ${whose.vi}`, `${whose.en} passport number`),
      required: true,
      maxLength: 20,
      pattern: '^[A-Za-z0-9]{5,20}$',
      patternMessage: L('Số hộ chiếu chỉ gồm chữ cái không dấu và chữ số.', 'A passport number has only letters and digits.'),
      showIf: { field: nat, equals: OTHER_NATIONALITY },
      page,
    },
  ];
}

/** Full name, as written on identity papers. */
export function nameField(key: string, label: LocalizedText, page?: string, hint?: LocalizedText): FieldDefinition {
  return { key, type: 'text', label, hint, required: true, minLength: 2, maxLength: 100, page };
}

/** A date of birth, never in the future. */
export function birthDateField(key: string, whose: Whose, page?: string): FieldDefinition {
  return {
    key,
    type: 'date',
    label: L(`Ngày, tháng, năm sinh ${whose.vi}`, `${whose.en} date of birth`),
    required: true,
    max: 'today',
    page,
  };
}

export function sexField(key: string, whose: Whose, page?: string): FieldDefinition {
  return { key, type: 'radio', label: L(`Giới tính ${whose.vi}`, `${whose.en} sex`), required: true, options: SEX_OPTIONS, page };
}

export function residenceField(key: string, whose: Whose, page?: string, required = true): FieldDefinition {
  return {
    key,
    type: 'address',
    label: L(`Nơi cư trú ${whose.vi}`, `${whose.en} place of residence`),
    hint: L(
      'Nơi thường trú; nếu không có thì ghi nơi tạm trú hoặc nơi ở hiện tại.',
      'Permanent residence; otherwise temporary residence or where the person lives now.',
    ),
    required,
    page,
  };
}

export function contactPhoneField(key: string, page?: string): FieldDefinition {
  return {
    key,
    type: 'phone',
    label: L('Số điện thoại liên hệ', 'Contact phone number'),
    hint: L(
      'Để cán bộ liên hệ khi cần bổ sung hoặc hẹn trả kết quả.',
      'So that the officer can reach you about a supplement or the result.',
    ),
    required: true,
    page,
  };
}

// ---------------------------------------------------------------------------
// Components
// ---------------------------------------------------------------------------

/** The applicant's ID card, read from the National Population Database through the e-ID login. */
export const ID_CARD_FROM_PROFILE: ComponentDefinition = {
  code: 'CCCD',
  name: L('Thẻ Căn cước hoặc thẻ Căn cước công dân của người nộp hồ sơ', "Applicant's ID card"),
  required: true,
  satisfiedBy: { profile: 'citizenId' },
  hint: L(
    'Không phải tải lên: thông tin được khai thác từ Cơ sở dữ liệu quốc gia về dân cư qua tài khoản định danh điện tử.',
    'No upload needed: read from the National Population Database through your electronic identity account.',
  ),
};

/** Proof of residence, replaced by the residence data of the population database (no more household book). */
export const RESIDENCE_FROM_PROFILE: ComponentDefinition = {
  code: 'CUTRU',
  name: L('Giấy tờ chứng minh nơi cư trú', 'Proof of residence'),
  required: true,
  satisfiedBy: { profile: 'residence' },
  hint: L(
    'Không phải tải lên: cơ quan giải quyết khai thác thông tin cư trú từ Cơ sở dữ liệu quốc gia về dân cư.',
    'No upload needed: the agency reads the residence data from the National Population Database.',
  ),
};

/** A power of attorney, when someone files on another person's behalf. */
export function authorisationComponent(hint: LocalizedText): ComponentDefinition {
  return {
    code: 'UQ',
    name: L('Văn bản ủy quyền', 'Power of attorney'),
    required: false,
    accept: SCANS,
    maxBytes: 10 * MiB,
    hint,
  };
}
