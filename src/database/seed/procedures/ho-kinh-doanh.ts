/**
 * Sector "Thành lập và hoạt động của hộ kinh doanh" (household businesses).
 *
 * ===========================================================================
 * 1.001612 — Đăng ký thành lập hộ kinh doanh (registration of a household business)
 * ---------------------------------------------------------------------------
 * Sources:
 * - Nghị định 168/2025/NĐ-CP on business registration, in force from
 *   1 July 2025, which replaced Nghị định 01/2021/NĐ-CP; with the two-level
 *   local government the household business registry is the commune's
 *   (cơ quan đăng ký kinh doanh cấp xã). Dossier (as in Nghị định 01/2021
 *   Điều 87): the application; for a business founded by household members,
 *   the minutes of the household meeting and their authorisation of one
 *   member as head. Time: 3 working days.
 * - The application form is the one in the Ministry of Finance's 2025
 *   circular on business registration forms (I believe Thông tư 68/2025/TT-BTC;
 *   not verified, so it is not listed in the legal basis). The fields below
 *   follow the long-standing form (name, location, lines of business, capital,
 *   workers, owner's data).
 * - Thông tư 85/2019/TT-BTC (amended by Thông tư 106/2021/TT-BTC): the charge
 *   is set by the provincial People's Council. Demo amount: 100,000 VND — an
 *   assumption (a common level; many provinces waive or halve it online).
 * - Nghị quyết 198/2025/QH15: presumptive tax ("thuế khoán") for household
 *   businesses ends by 1 January 2026, so the form asks no tax-method question.
 * National code: 1.001612 — from memory, NOT verified (2.000575 and 2.000720
 * are other household-business codes I remember, possibly for changes).
 * Service level: full online on the national portal.
 * ===========================================================================
 */
import type { ProcedureDefinition } from '../../../procedures/forms/definition.js';
import { CODE } from './codes.js';
import {
  DEMO_COMMUNES,
  ETHNICITY_OPTIONS,
  ID_CARD_FROM_PROFILE,
  L,
  MiB,
  SCANS,
  SUPPLEMENT_DAYS,
  birthDateField,
  nameField,
  sexField,
  standardWorkflow,
  type Whose,
} from './common.js';

const OWNER: Whose = { vi: 'của chủ hộ kinh doanh', en: "Owner's" };

const householdBusinessRegistration: ProcedureDefinition = {
  name: L('Đăng ký thành lập hộ kinh doanh', 'Registration of a household business'),
  sector: 'Thành lập và hoạt động của hộ kinh doanh',
  level: 'COMMUNE',
  agencyCodes: DEMO_COMMUNES,
  legalBasis: [
    'Nghị định số 168/2025/NĐ-CP ngày 30/6/2025 của Chính phủ về đăng ký doanh nghiệp',
    'Thông tư số 85/2019/TT-BTC ngày 29/11/2019 của Bộ trưởng Bộ Tài chính hướng dẫn về phí và lệ phí thuộc thẩm quyền quyết định của Hội đồng nhân dân tỉnh (sửa đổi bởi Thông tư số 106/2021/TT-BTC)',
  ],
  description: L(
    'Cá nhân hoặc các thành viên hộ gia đình là công dân Việt Nam có năng lực hành vi dân sự đầy đủ đăng ký thành lập hộ kinh doanh tại cơ quan đăng ký kinh doanh cấp xã nơi đặt địa điểm kinh doanh. Hộ kinh doanh chỉ có một địa điểm kinh doanh làm trụ sở. Thời hạn: 03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ. Kết quả: Giấy chứng nhận đăng ký hộ kinh doanh.',
    'A Vietnamese citizen with full legal capacity, or the members of a household, register a household business with the business registry of the commune where the business is located. A household business has a single business location. Processing time: 3 working days from a complete dossier. Result: the household business registration certificate.',
  ),
  processingTime: { workingDays: 3 },
  serviceLevel: 'FULL',
  fee: {
    amount: 100000,
    currency: 'VND',
    payWhen: 'ON_SUBMIT',
    name: L('Lệ phí đăng ký hộ kinh doanh', 'Household business registration charge'),
  },
  form: {
    pages: [
      { key: 'business', title: L('Thông tin hộ kinh doanh', 'The business') },
      { key: 'owner', title: L('Chủ hộ kinh doanh', 'The owner') },
    ],
    fields: [
      {
        key: 'businessName',
        type: 'text',
        label: L('Tên hộ kinh doanh', 'Business name'),
        hint: L(
          'Gồm cụm từ “Hộ kinh doanh” và tên riêng, ví dụ: Hộ kinh doanh Bánh cuốn Bà Hoa. Tên riêng không trùng với tên hộ kinh doanh đã đăng ký trên cùng địa bàn.',
          'The words "Hộ kinh doanh" followed by a proper name, e.g. Hộ kinh doanh Bánh cuốn Bà Hoa. The proper name must not repeat that of a household business already registered in the area.',
        ),
        required: true,
        minLength: 15,
        maxLength: 200,
        page: 'business',
      },
      {
        key: 'businessAddress',
        type: 'address',
        label: L('Địa điểm kinh doanh', 'Business location'),
        hint: L(
          'Số nhà, đường/thôn, xã/phường, tỉnh. Hộ kinh doanh chỉ có một địa điểm kinh doanh.',
          'House number, street or hamlet, commune or ward, province. A single location.',
        ),
        required: true,
        page: 'business',
      },
      {
        key: 'businessPhone',
        type: 'phone',
        label: L('Điện thoại của hộ kinh doanh', 'Business phone'),
        required: true,
        page: 'business',
      },
      {
        key: 'businessEmail',
        type: 'email',
        label: L('Thư điện tử của hộ kinh doanh', 'Business email'),
        hint: L('Không bắt buộc.', 'Optional.'),
        maxLength: 254,
        page: 'business',
      },
      {
        key: 'businessLines',
        type: 'textarea',
        label: L('Ngành, nghề kinh doanh', 'Lines of business'),
        hint: L(
          'Mỗi dòng một ngành, ghi mã và tên ngành cấp bốn theo Hệ thống ngành kinh tế Việt Nam, ví dụ: “5610 – Nhà hàng và các dịch vụ ăn uống phục vụ lưu động”. Ngành, nghề kinh doanh có điều kiện chỉ được kinh doanh khi đáp ứng đủ điều kiện.',
          'One per line, with the four-digit code and name of the Vietnam Standard Industrial Classification, e.g. "5610 – Restaurants and mobile food service activities". Conditional lines of business may only be carried on once their conditions are met.',
        ),
        required: true,
        minLength: 4,
        maxLength: 2000,
        page: 'business',
      },
      {
        key: 'capital',
        type: 'number',
        label: L('Vốn kinh doanh (đồng)', 'Business capital (VND)'),
        required: true,
        min: 0,
        max: 1_000_000_000_000,
        page: 'business',
      },
      {
        key: 'employees',
        type: 'number',
        label: L('Tổng số lao động (dự kiến)', 'Number of workers (expected)'),
        required: true,
        min: 0,
        max: 10000,
        page: 'business',
      },
      {
        key: 'startDate',
        type: 'date',
        label: L('Ngày bắt đầu hoạt động kinh doanh (dự kiến)', 'Expected start of business'),
        hint: L('Không bắt buộc.', 'Optional.'),
        min: 'today',
        page: 'business',
      },
      {
        key: 'founderType',
        type: 'radio',
        label: L('Hộ kinh doanh do', 'Founded by'),
        required: true,
        page: 'business',
        options: [
          { value: 'INDIVIDUAL', label: L('Một cá nhân thành lập', 'One individual') },
          { value: 'HOUSEHOLD', label: L('Các thành viên hộ gia đình cùng thành lập', 'Members of a household together') },
        ],
      },
      {
        key: 'memberCount',
        type: 'number',
        label: L('Số thành viên hộ gia đình tham gia', 'Number of household members taking part'),
        required: true,
        min: 2,
        max: 50,
        showIf: { field: 'founderType', equals: 'HOUSEHOLD' },
        page: 'business',
      },

      nameField('ownerName', L('Họ, chữ đệm và tên chủ hộ kinh doanh', "Owner's full name"), 'owner'),
      birthDateField('ownerBirthDate', OWNER, 'owner'),
      sexField('ownerSex', OWNER, 'owner'),
      {
        key: 'ownerEthnicity',
        type: 'select',
        label: L('Dân tộc của chủ hộ kinh doanh', "Owner's ethnic group"),
        required: true,
        options: ETHNICITY_OPTIONS,
        page: 'owner',
      },
      {
        key: 'ownerCitizenId',
        type: 'citizenId',
        label: L('Số định danh cá nhân của chủ hộ kinh doanh', "Owner's personal identification number"),
        hint: L(
          'Từ ngày 01/7/2025, số định danh cá nhân được dùng thay mã số thuế cá nhân.',
          'Since 1 July 2025 the personal identification number is also the personal tax code.',
        ),
        required: true,
        page: 'owner',
      },
      {
        key: 'ownerResidence',
        type: 'address',
        label: L('Nơi thường trú của chủ hộ kinh doanh', "Owner's permanent residence"),
        required: true,
        page: 'owner',
      },
      {
        key: 'ownerContactAddress',
        type: 'address',
        label: L('Địa chỉ liên lạc', 'Contact address'),
        hint: L('Chỉ ghi nếu khác nơi thường trú.', 'Only if different from the permanent residence.'),
        page: 'owner',
      },
      {
        key: 'ownerPhone',
        type: 'phone',
        label: L('Điện thoại của chủ hộ kinh doanh', "Owner's phone"),
        required: true,
        page: 'owner',
      },
      {
        key: 'commitment',
        type: 'checkbox',
        label: L(
          'Tôi cam kết: bản thân không thuộc diện bị cấm thành lập hộ kinh doanh; địa điểm kinh doanh thuộc quyền sở hữu, quyền sử dụng hợp pháp của tôi hoặc được cho thuê, cho mượn hợp pháp; và chịu trách nhiệm trước pháp luật về tính hợp pháp, chính xác, trung thực của nội dung đăng ký.',
          'I undertake that I am not barred from founding a household business, that I own or lawfully use the business location, and that I am answerable before the law for the lawfulness, accuracy and truth of this registration.',
        ),
        required: true,
        page: 'owner',
      },
    ],
  },
  components: [
    ID_CARD_FROM_PROFILE,
    {
      code: 'BIENBAN_HGD',
      name: L(
        'Biên bản họp thành viên hộ gia đình về việc thành lập hộ kinh doanh',
        'Minutes of the household meeting founding the business',
      ),
      required: false,
      accept: SCANS,
      maxBytes: 10 * MiB,
      hint: L(
        'Bắt buộc khi các thành viên hộ gia đình cùng đăng ký hộ kinh doanh.',
        'Required when household members found the business together.',
      ),
    },
    {
      code: 'UQ_CHUHO',
      name: L(
        'Văn bản ủy quyền của các thành viên hộ gia đình cho một thành viên làm chủ hộ kinh doanh',
        'Authorisation by the household members of one member as owner',
      ),
      required: false,
      accept: SCANS,
      maxBytes: 10 * MiB,
      hint: L(
        'Bắt buộc khi các thành viên hộ gia đình cùng đăng ký hộ kinh doanh.',
        'Required when household members found the business together.',
      ),
    },
  ],
  workflow: standardWorkflow(
    L(
      'Cơ quan đăng ký kinh doanh cấp xã kiểm tra tính hợp lệ, tên hộ kinh doanh',
      'The commune business registry checks the dossier and the name',
    ),
    L('Lãnh đạo phòng ký Giấy chứng nhận đăng ký hộ kinh doanh', 'The head of the office signs the certificate'),
  ),
  resultTemplate: {
    title: L('Giấy chứng nhận đăng ký hộ kinh doanh', 'Household business registration certificate'),
    body: `GIẤY CHỨNG NHẬN ĐĂNG KÝ HỘ KINH DOANH

1. Tên hộ kinh doanh: {{formData.businessName}}
2. Địa điểm kinh doanh: {{formData.businessAddress}}
   Điện thoại: {{formData.businessPhone}}{{#if formData.businessEmail}} — Thư điện tử: {{formData.businessEmail}}{{/if}}
3. Ngành, nghề kinh doanh:
{{formData.businessLines}}
4. Vốn kinh doanh: {{formData.capital}} đồng
5. Chủ hộ kinh doanh: {{formData.ownerName}}
   Ngày, tháng, năm sinh: {{formData.ownerBirthDate}} — Giới tính: {{formData.ownerSex}} — Dân tộc: {{formData.ownerEthnicity}} — Quốc tịch: Việt Nam
   Số định danh cá nhân: {{formData.ownerCitizenId}}
   Nơi thường trú: {{formData.ownerResidence}}`,
  },
  supplementPolicy: 'RESTART',
  supplementDeadlineDays: SUPPLEMENT_DAYS,
};

export const HOUSEHOLD_BUSINESS_PROCEDURES: { code: string; definition: ProcedureDefinition }[] = [
  { code: CODE.HOUSEHOLD_BUSINESS, definition: householdBusinessRegistration },
];
