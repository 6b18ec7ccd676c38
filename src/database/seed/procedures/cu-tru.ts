/**
 * Sector "Đăng ký, quản lý cư trú" (residence), the name the Ministry of
 * Public Security uses for it on the national portal.
 *
 * ===========================================================================
 * 1.004194 — Xác nhận thông tin về cư trú (confirmation of residence information)
 * ---------------------------------------------------------------------------
 * Sources:
 * - Luật Cư trú số 68/2020/QH14 (the citizen may ask the registration
 *   authority to confirm their residence information);
 * - Nghị định 154/2024/NĐ-CP (details of the Residence Law);
 * - Thông tư 55/2021/TT-BCA Điều 17, as amended by Thông tư 66/2023/TT-BCA:
 *   request on form CT01 or online; the certificate (form CT07) shows the
 *   current and previous places of residence, the time lived there and the
 *   kind of registration; time: half a working day when the data are in the
 *   residence database, up to 3 working days when they must be verified;
 *   valid for one year, or until the residence data change.
 *   (The Ministry may have replaced these circulars in 2025; not checked.)
 * - No charge: confirmation is not among the residence charges
 *   (Thông tư 75/2022/TT-BTC).
 * Agency: in reality the commune police (Công an cấp xã), the residence
 *   registration authority. The demo serves it at the communes' one-stop
 *   counters, since the demo province has no police agency.
 * Time: 0.5 working day (the data-in-database case).
 * National code: 1.004194 — from memory, NOT verified.
 * Service level: full online (electronic certificate, also on VNeID).
 * ===========================================================================
 */
import type { ProcedureDefinition } from '../../../procedures/forms/definition.js';
import { CODE } from './codes.js';
import {
  DEMO_COMMUNES,
  ID_CARD_FROM_PROFILE,
  L,
  SUPPLEMENT_DAYS,
  birthDateField,
  nameField,
  sexField,
  standardWorkflow,
  type Whose,
} from './common.js';

const APPLICANT: Whose = { vi: 'của người đề nghị', en: "Applicant's" };

const residenceConfirmation: ProcedureDefinition = {
  name: L('Xác nhận thông tin về cư trú', 'Confirmation of residence information'),
  sector: 'Đăng ký, quản lý cư trú',
  level: 'COMMUNE',
  agencyCodes: DEMO_COMMUNES,
  legalBasis: [
    'Luật Cư trú số 68/2020/QH14 ngày 13/11/2020',
    'Nghị định số 154/2024/NĐ-CP ngày 26/11/2024 của Chính phủ quy định chi tiết một số điều và biện pháp thi hành Luật Cư trú',
    'Thông tư số 55/2021/TT-BCA ngày 15/5/2021 của Bộ trưởng Bộ Công an quy định chi tiết một số điều và biện pháp thi hành Luật Cư trú (sửa đổi, bổ sung bởi Thông tư số 66/2023/TT-BCA)',
  ],
  description: L(
    'Công dân đề nghị cơ quan đăng ký cư trú xác nhận thông tin về cư trú của mình: nơi cư trú hiện tại, các nơi cư trú trước đây, thời gian sinh sống tại từng nơi và hình thức đăng ký cư trú. Thời hạn: 1/2 ngày làm việc nếu thông tin đã có trong Cơ sở dữ liệu về cư trú; tối đa 03 ngày làm việc nếu phải xác minh. Giấy xác nhận có giá trị 01 năm kể từ ngày cấp và hết giá trị khi thông tin về cư trú thay đổi. Không thu lệ phí.',
    'A citizen asks the residence registration authority to confirm their residence information: current and previous places of residence, the time lived at each and the kind of registration. Half a working day when the data are in the residence database; at most 3 working days when they must be verified. The confirmation is valid for one year, or until the residence data change. Free of charge.',
  ),
  processingTime: { workingDays: 0.5 },
  serviceLevel: 'FULL',
  fee: { amount: 0, currency: 'VND', payWhen: 'ON_SUBMIT' },
  form: {
    fields: [
      nameField('fullName', L('Họ, chữ đệm và tên', 'Full name')),
      birthDateField('birthDate', APPLICANT),
      sexField('sex', APPLICANT),
      {
        key: 'citizenId',
        type: 'citizenId',
        label: L('Số định danh cá nhân', 'Personal identification number'),
        required: true,
      },
      {
        key: 'phone',
        type: 'phone',
        label: L('Số điện thoại', 'Phone number'),
        required: true,
      },
      {
        key: 'email',
        type: 'email',
        label: L('Thư điện tử', 'Email'),
        hint: L('Không bắt buộc.', 'Optional.'),
        maxLength: 254,
      },
      {
        key: 'currentAddress',
        type: 'address',
        label: L('Nơi ở hiện tại', 'Where you live now'),
        required: true,
      },
      {
        key: 'householdHeadName',
        type: 'text',
        label: L('Họ, chữ đệm và tên chủ hộ', 'Head of household, full name'),
        hint: L(
          'Để trống nếu bạn là chủ hộ hoặc không đăng ký theo hộ gia đình.',
          'Leave empty if you are the head of household or not registered in a household.',
        ),
        maxLength: 100,
      },
      {
        key: 'householdHeadRelation',
        type: 'select',
        label: L('Quan hệ với chủ hộ', 'Relationship to the head of household'),
        required: true,
        showIf: { field: 'householdHeadName', notEmpty: true },
        options: [
          { value: 'SPOUSE', label: L('Vợ hoặc chồng', 'Spouse') },
          { value: 'CHILD', label: L('Con', 'Child') },
          { value: 'PARENT', label: L('Cha hoặc mẹ', 'Parent') },
          { value: 'GRANDCHILD', label: L('Cháu', 'Grandchild') },
          { value: 'SIBLING', label: L('Anh, chị, em', 'Sibling') },
          { value: 'OTHER', label: L('Quan hệ khác', 'Other') },
        ],
      },
      {
        key: 'householdHeadCitizenId',
        type: 'citizenId',
        label: L('Số định danh cá nhân của chủ hộ', "Head of household's personal identification number"),
        showIf: { field: 'householdHeadName', notEmpty: true },
      },
      {
        key: 'infoRequested',
        type: 'checkbox',
        label: L('Nội dung đề nghị xác nhận', 'Information to confirm'),
        required: true,
        options: [
          { value: 'CURRENT', label: L('Nơi cư trú hiện tại và hình thức đăng ký', 'Current residence and kind of registration') },
          { value: 'DURATION', label: L('Thời gian sinh sống tại nơi cư trú hiện tại', 'Time lived at the current residence') },
          { value: 'PREVIOUS', label: L('Các nơi cư trú trước đây', 'Previous places of residence') },
          { value: 'HOUSEHOLD', label: L('Thông tin về chủ hộ và các thành viên hộ gia đình', 'Head and members of the household') },
        ],
      },
      {
        key: 'purpose',
        type: 'textarea',
        label: L('Mục đích sử dụng', 'Purpose'),
        hint: L('Ví dụ: bổ sung hồ sơ nhập học cho con, hồ sơ vay vốn.', "E.g. a child's school enrolment, a loan application."),
        required: true,
        maxLength: 500,
      },
      {
        key: 'delivery',
        type: 'radio',
        label: L('Hình thức nhận kết quả', 'How to receive the result'),
        required: true,
        options: [
          {
            value: 'ELECTRONIC',
            label: L('Bản điện tử (trên Cổng dịch vụ công, ứng dụng VNeID)', 'Electronic (on the portal and the VNeID app)'),
          },
          { value: 'PAPER', label: L('Bản giấy tại Bộ phận Một cửa', 'Paper, at the one-stop counter') },
        ],
      },
    ],
  },
  components: [ID_CARD_FROM_PROFILE],
  workflow: standardWorkflow(
    L(
      'Cán bộ đăng ký cư trú tra cứu Cơ sở dữ liệu về cư trú, xác minh khi cần',
      'Residence officer searches the residence database, verifies if needed',
    ),
    L('Thủ trưởng cơ quan đăng ký cư trú ký xác nhận', 'The head of the registration authority signs'),
  ),
  resultTemplate: {
    title: L('Giấy xác nhận thông tin về cư trú', 'Confirmation of residence information'),
    body: `GIẤY XÁC NHẬN THÔNG TIN VỀ CƯ TRÚ

Xác nhận ông/bà: {{formData.fullName}}
Ngày, tháng, năm sinh: {{formData.birthDate}} — Giới tính: {{formData.sex}}
Số định danh cá nhân: {{formData.citizenId}}
Nơi ở hiện tại: {{formData.currentAddress}}
{{#if formData.householdHeadName}}Họ và tên chủ hộ: {{formData.householdHeadName}}
{{/if}}
Thông tin về cư trú (nơi cư trú, thời gian sinh sống, hình thức đăng ký) được xác nhận theo Cơ sở dữ liệu về cư trú tại thời điểm cấp, ghi tại phần kèm theo.
Mục đích sử dụng: {{formData.purpose}}

Giấy xác nhận có giá trị sử dụng 01 năm kể từ ngày cấp. Trường hợp thông tin về cư trú của công dân thay đổi, giấy xác nhận hết giá trị kể từ thời điểm thay đổi.`,
  },
  supplementPolicy: 'RESTART',
  supplementDeadlineDays: SUPPLEMENT_DAYS,
};

export const RESIDENCE_PROCEDURES: { code: string; definition: ProcedureDefinition }[] = [
  { code: CODE.RESIDENCE_CONFIRMATION, definition: residenceConfirmation },
];
