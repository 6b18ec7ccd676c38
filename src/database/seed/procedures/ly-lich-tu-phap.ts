/**
 * Sector "Lý lịch tư pháp" (criminal records), a province-level procedure.
 *
 * ===========================================================================
 * 2.000488.000.00.00.H12 — Cấp Phiếu lý lịch tư pháp số 1 cho công dân Việt
 * Nam, người nước ngoài đang cư trú tại Việt Nam
 * (Criminal Record Certificate No. 1)
 * ---------------------------------------------------------------------------
 * Sources:
 * - Luật Lý lịch tư pháp số 28/2009/QH12: Điều 41–42 (Phiếu số 1 and its
 *   content; the optional section on bans from holding posts or founding and
 *   managing enterprises and cooperatives), Điều 45 (dossier; a power of
 *   attorney is allowed for Phiếu số 1, not needed for a parent, spouse or
 *   child), Điều 46 (filing place), Điều 48 (time: at most 10 days; 15 days
 *   for people who lived in several places or abroad, foreigners, or when the
 *   automatic removal of a conviction must be verified);
 * - Nghị định 111/2010/NĐ-CP (details of the law);
 * - Thông tư 13/2011/TT-BTP on the forms, amended by Thông tư 16/2013/TT-BTP
 *   and Thông tư 06/2024/TT-BTP (the latter for the electronic/VNeID flow);
 * - Fee: 200,000 VND per request (students and people with meritorious
 *   services: 100,000 VND; from the third certificate: +5,000 VND each), and
 *   exemptions for children, the elderly, people with disabilities, poor
 *   households and people living in communes in extreme difficulty — Thông tư
 *   244/2016/TT-BTC, which I understand Thông tư 16/2025/TT-BTC replaced; the
 *   amounts are assumed unchanged (not verified). The portal cannot express
 *   the 50 % reduction; it is noted in the description only.
 *   (The brief cited Thông tư 281/2016/TT-BTC; that circular is about the
 *   civil status database fee, see ho-tich.ts.)
 * Agency: the demo serves it at Sở Tư pháp (H12.01), as asked. In reality the
 *   criminal-record function moved from the Departments of Justice to the
 *   provincial police (Công an tỉnh) in early 2025 — e.g. Tiền Giang's
 *   Department of Justice stopped issuing certificates on 1 March 2025.
 * National code: 2.000488 — from memory, NOT verified; the suffix
 *   .000.00.00.H12 is the demo province's.
 * Time: 10 working days (the usual case).
 * Service level: full online (including through VNeID).
 * ===========================================================================
 */
import type { ProcedureDefinition } from '../../../procedures/forms/definition.js';
import { CODE } from './codes.js';
import {
  DEMO_DEPT_JUSTICE,
  ID_CARD_FROM_PROFILE,
  L,
  MiB,
  RESIDENCE_FROM_PROFILE,
  SCANS,
  SUPPLEMENT_DAYS,
  birthDateField,
  nameField,
  nationalityEthnicityAndId,
  sexField,
  type Whose,
} from './common.js';

const SUBJECT: Whose = { vi: 'của người được cấp Phiếu', en: "Subject's" };

const criminalRecordCertificate: ProcedureDefinition = {
  name: L(
    'Cấp Phiếu lý lịch tư pháp số 1 cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam',
    'Issuance of Criminal Record Certificate No. 1 to Vietnamese citizens and foreigners residing in Viet Nam',
  ),
  sector: 'Lý lịch tư pháp',
  level: 'DEPARTMENT',
  agencyCodes: [DEMO_DEPT_JUSTICE],
  legalBasis: [
    'Luật Lý lịch tư pháp số 28/2009/QH12 ngày 17/6/2009',
    'Nghị định số 111/2010/NĐ-CP ngày 23/11/2010 của Chính phủ quy định chi tiết và hướng dẫn thi hành một số điều của Luật Lý lịch tư pháp',
    'Thông tư số 13/2011/TT-BTP của Bộ trưởng Bộ Tư pháp ban hành và hướng dẫn sử dụng biểu mẫu và mẫu sổ lý lịch tư pháp (sửa đổi, bổ sung bởi Thông tư số 16/2013/TT-BTP và Thông tư số 06/2024/TT-BTP)',
    'Thông tư số 16/2025/TT-BTC của Bộ trưởng Bộ Tài chính quy định mức thu, chế độ thu, nộp, quản lý, sử dụng phí cung cấp thông tin lý lịch tư pháp',
  ],
  description: L(
    'Phiếu lý lịch tư pháp số 1 cấp cho cá nhân để biết hoặc chứng minh việc có hay không có án tích; theo yêu cầu, Phiếu có thêm thông tin về việc cấm đảm nhiệm chức vụ, thành lập, quản lý doanh nghiệp, hợp tác xã. Công dân Việt Nam nộp tại nơi thường trú (không có nơi thường trú thì nơi tạm trú; cư trú ở nước ngoài thì nơi cư trú trước khi xuất cảnh). Có thể ủy quyền làm thủ tục; cha, mẹ, vợ, chồng, con làm thay không cần văn bản ủy quyền. Thời hạn: không quá 10 ngày (15 ngày đối với trường hợp cư trú ở nhiều nơi, ở nước ngoài, người nước ngoài hoặc phải xác minh điều kiện đương nhiên được xóa án tích). Phí: 200.000 đồng/lần; sinh viên, người có công với cách mạng, thân nhân liệt sĩ: 100.000 đồng; từ Phiếu thứ 3 trở đi thu thêm 5.000 đồng/Phiếu.',
    'Certificate No. 1 is issued to a person to know or prove whether they have a criminal conviction; on request it also states any ban from holding posts or founding and managing enterprises and cooperatives. Vietnamese citizens file where they have permanent residence (else temporary residence; if abroad, their last residence before leaving). Filing through an agent is allowed; a parent, spouse or child needs no power of attorney. Time: at most 10 days (15 days for people who lived in several places or abroad, foreigners, or when the automatic removal of a conviction must be verified). Fee: 200,000 VND per request; students, people with meritorious services and relatives of martyrs pay 100,000 VND; 5,000 VND more for each certificate from the third.',
  ),
  processingTime: { workingDays: 10 },
  serviceLevel: 'FULL',
  fee: {
    amount: 200000,
    currency: 'VND',
    payWhen: 'ON_SUBMIT',
    name: L('Phí cung cấp thông tin lý lịch tư pháp', 'Fee for providing criminal record information'),
    exemptions: [
      { code: 'TRE_EM', label: L('Trẻ em (người dưới 16 tuổi)', 'Child (under 16)') },
      { code: 'NGUOI_CAO_TUOI', label: L('Người cao tuổi (từ đủ 60 tuổi trở lên)', 'Elderly person (60 or over)') },
      { code: 'KHUYET_TAT', label: L('Người khuyết tật', 'Person with a disability') },
      { code: 'HO_NGHEO', label: L('Người thuộc hộ nghèo', 'Member of a poor household') },
      {
        code: 'XA_DBKK',
        label: L(
          'Người cư trú tại xã đặc biệt khó khăn; đồng bào dân tộc thiểu số ở xã có điều kiện kinh tế – xã hội đặc biệt khó khăn',
          'Resident of an extremely disadvantaged commune; ethnic minority person in a commune in extreme socio-economic difficulty',
        ),
      },
    ],
  },
  form: {
    pages: [
      { key: 'person', title: L('Người được cấp Phiếu', 'The person') },
      { key: 'history', title: L('Gia đình và quá trình cư trú', 'Family and residence history') },
      { key: 'request', title: L('Nội dung yêu cầu', 'The request') },
    ],
    fields: [
      {
        key: 'requestType',
        type: 'radio',
        label: L('Người làm thủ tục', 'Who is filing'),
        required: true,
        page: 'person',
        options: [
          { value: 'SELF', label: L('Chính người được cấp Phiếu', 'The person themself') },
          { value: 'RELATIVE', label: L('Cha, mẹ, vợ, chồng hoặc con của người được cấp Phiếu', "The person's parent, spouse or child") },
          { value: 'AUTHORISED', label: L('Người được ủy quyền', 'An authorised agent') },
        ],
      },
      {
        key: 'relationship',
        type: 'select',
        label: L('Quan hệ với người được cấp Phiếu', 'Relationship to the person'),
        required: true,
        showIf: { field: 'requestType', equals: 'RELATIVE' },
        page: 'person',
        options: [
          { value: 'FATHER', label: L('Cha', 'Father') },
          { value: 'MOTHER', label: L('Mẹ', 'Mother') },
          { value: 'SPOUSE', label: L('Vợ hoặc chồng', 'Spouse') },
          { value: 'CHILD', label: L('Con', 'Child') },
        ],
      },
      nameField('fullName', L('Họ, chữ đệm và tên người được cấp Phiếu', "Subject's full name"), 'person'),
      {
        key: 'otherNames',
        type: 'text',
        label: L('Tên gọi khác', 'Other names'),
        hint: L('Nếu có.', 'If any.'),
        maxLength: 100,
        page: 'person',
      },
      sexField('sex', SUBJECT, 'person'),
      birthDateField('birthDate', SUBJECT, 'person'),
      {
        key: 'birthPlace',
        type: 'text',
        label: L('Nơi sinh', 'Place of birth'),
        hint: L('Ghi theo Giấy khai sinh.', 'As on the birth certificate.'),
        required: true,
        maxLength: 250,
        page: 'person',
      },
      ...nationalityEthnicityAndId('subject', SUBJECT, 'person'),
      {
        key: 'permanentAddress',
        type: 'address',
        label: L('Nơi thường trú', 'Permanent residence'),
        required: true,
        page: 'person',
      },
      {
        key: 'temporaryAddress',
        type: 'address',
        label: L('Nơi tạm trú', 'Temporary residence'),
        hint: L('Nếu có.', 'If any.'),
        page: 'person',
      },
      {
        key: 'phone',
        type: 'phone',
        label: L('Số điện thoại', 'Phone number'),
        required: true,
        page: 'person',
      },
      {
        key: 'email',
        type: 'email',
        label: L('Thư điện tử', 'Email'),
        maxLength: 254,
        page: 'person',
      },

      nameField('fatherName', L('Họ, chữ đệm và tên cha', "Father's full name"), 'history'),
      nameField('motherName', L('Họ, chữ đệm và tên mẹ', "Mother's full name"), 'history'),
      {
        key: 'spouseName',
        type: 'text',
        label: L('Họ, chữ đệm và tên vợ hoặc chồng', "Spouse's full name"),
        hint: L('Nếu có.', 'If any.'),
        maxLength: 100,
        page: 'history',
      },
      {
        key: 'residenceHistory',
        type: 'textarea',
        label: L(
          'Quá trình cư trú, nghề nghiệp, nơi làm việc (từ khi đủ 14 tuổi)',
          'Residence, occupation and workplace history (from age 14)',
        ),
        hint: L(
          'Mỗi dòng một giai đoạn: từ tháng/năm – đến tháng/năm; nơi thường trú, tạm trú; nghề nghiệp, nơi làm việc. Ví dụ: “09/2010 – 06/2013: phường Hoà Bình, tỉnh Minh Hà; học sinh Trường THPT Hoà Bình”.',
          'One period per line: from month/year to month/year; permanent or temporary residence; occupation and workplace. E.g. "09/2010 – 06/2013: Hoà Bình ward, Minh Hà province; pupil at Hoà Bình upper-secondary school".',
        ),
        required: true,
        minLength: 10,
        maxLength: 4000,
        page: 'history',
      },
      {
        key: 'declaredConviction',
        type: 'radio',
        label: L('Tình trạng án tích (tự khai)', 'Criminal convictions (self-declared)'),
        required: true,
        page: 'history',
        options: [
          { value: 'NONE', label: L('Không có án tích', 'None') },
          { value: 'HAS', label: L('Đã bị kết án', 'Has been convicted') },
        ],
      },
      {
        key: 'convictionDetails',
        type: 'textarea',
        label: L('Thông tin về việc bị kết án', 'Details of the convictions'),
        hint: L(
          'Ghi số, ngày bản án, Tòa án đã xét xử, tội danh, hình phạt và ngày chấp hành xong (nếu có).',
          'Judgment number and date, court, offence, sentence and the date it was served (if so).',
        ),
        required: true,
        maxLength: 2000,
        showIf: { field: 'declaredConviction', equals: 'HAS' },
        page: 'history',
      },

      {
        key: 'includeBanInfo',
        type: 'checkbox',
        label: L(
          'Yêu cầu xác nhận về việc cấm đảm nhiệm chức vụ, thành lập, quản lý doanh nghiệp, hợp tác xã',
          'Include whether the person is banned from holding posts or founding and managing enterprises and cooperatives',
        ),
        hint: L(
          'Thường cần khi thành lập, quản lý doanh nghiệp, hợp tác xã. Nếu không chọn, Phiếu không có nội dung này.',
          'Usually needed to found or manage an enterprise or cooperative. If not ticked, the certificate does not state it.',
        ),
        page: 'request',
      },
      {
        key: 'copies',
        type: 'number',
        label: L('Số lượng Phiếu yêu cầu cấp', 'Number of certificates'),
        hint: L(
          'Mức phí đã bao gồm 02 Phiếu. Cần từ 03 Phiếu trở lên, vui lòng liên hệ Bộ phận Một cửa (5.000 đồng cho mỗi Phiếu thêm).',
          'The fee covers two certificates. For three or more, contact the one-stop counter (5,000 VND per extra certificate).',
        ),
        required: true,
        min: 1,
        max: 2,
        page: 'request',
      },
      {
        key: 'purpose',
        type: 'text',
        label: L('Mục đích sử dụng Phiếu', 'Purpose'),
        hint: L(
          'Ví dụ: bổ sung hồ sơ xin việc, thành lập doanh nghiệp, xuất khẩu lao động.',
          'E.g. a job application, founding a company, working abroad.',
        ),
        required: true,
        maxLength: 250,
        page: 'request',
      },
      {
        key: 'delivery',
        type: 'radio',
        label: L('Hình thức nhận Phiếu', 'How to receive the certificate'),
        required: true,
        page: 'request',
        options: [
          {
            value: 'ELECTRONIC',
            label: L('Phiếu điện tử (trên Cổng dịch vụ công, ứng dụng VNeID)', 'Electronic (on the portal and the VNeID app)'),
          },
          { value: 'COUNTER', label: L('Bản giấy tại Bộ phận Một cửa', 'Paper, at the one-stop counter') },
          { value: 'POST', label: L('Bản giấy qua dịch vụ bưu chính', 'Paper, by post') },
        ],
      },
    ],
  },
  components: [
    ID_CARD_FROM_PROFILE,
    {
      code: 'GTTT_NGUOI_DUOC_CAP',
      name: L('Giấy tờ tùy thân của người được cấp Phiếu', "The subject's identity document"),
      required: false,
      accept: SCANS,
      maxBytes: 10 * MiB,
      hint: L(
        'Khi làm thủ tục thay cho người khác: bản chụp thẻ Căn cước hoặc hộ chiếu của người được cấp Phiếu.',
        "When filing for someone else: a scan of the subject's ID card or passport.",
      ),
    },
    RESIDENCE_FROM_PROFILE,
    {
      code: 'UQ',
      name: L('Văn bản ủy quyền', 'Power of attorney'),
      required: false,
      accept: SCANS,
      maxBytes: 10 * MiB,
      hint: L(
        'Khi làm thủ tục theo ủy quyền; văn bản ủy quyền lập theo quy định của pháp luật. Không cần nếu người làm thủ tục là cha, mẹ, vợ, chồng, con của người được cấp Phiếu.',
        "When filing as an agent, drawn up as the law requires. Not needed for the subject's parent, spouse or child.",
      ),
    },
    {
      code: 'QUANHE',
      name: L('Giấy tờ chứng minh quan hệ cha, mẹ, vợ, chồng, con', 'Proof of the family relationship'),
      required: false,
      accept: SCANS,
      maxBytes: 10 * MiB,
      hint: L(
        'Khi cha, mẹ, vợ, chồng, con làm thủ tục thay: Giấy khai sinh, Giấy chứng nhận kết hôn hoặc giấy tờ khác chứng minh quan hệ.',
        'When a parent, spouse or child files: the birth or marriage certificate or another proof of the relationship.',
      ),
    },
  ],
  workflow: {
    steps: [
      { key: 'reception', name: L('Tiếp nhận hồ sơ', 'Reception'), role: 'RECEPTIONIST', share: 0.125 },
      {
        key: 'lookup',
        name: L(
          'Tra cứu Cơ sở dữ liệu lý lịch tư pháp, xác minh với cơ quan công an, Tòa án khi cần',
          'Search the criminal record database, verify with the police and courts if needed',
        ),
        role: 'SPECIALIST',
        share: 0.625,
      },
      { key: 'approval', name: L('Lãnh đạo ký Phiếu lý lịch tư pháp', 'A leader signs the certificate'), role: 'LEADER', share: 0.25 },
    ],
  },
  resultTemplate: {
    title: L('Phiếu lý lịch tư pháp số 1', 'Criminal Record Certificate No. 1'),
    body: `PHIẾU LÝ LỊCH TƯ PHÁP SỐ 1

Căn cứ Luật Lý lịch tư pháp ngày 17 tháng 6 năm 2009, xác nhận:
Họ và tên: {{formData.fullName}}{{#if formData.otherNames}} (tên gọi khác: {{formData.otherNames}}){{/if}}
Giới tính: {{formData.sex}}
Ngày, tháng, năm sinh: {{formData.birthDate}}
Nơi sinh: {{formData.birthPlace}}
Quốc tịch: {{#if formData.subjectNationalityOther}}{{formData.subjectNationalityOther}}{{else}}{{formData.subjectNationality}}{{/if}}{{#if formData.subjectEthnicity}} — Dân tộc: {{formData.subjectEthnicity}}{{/if}}
Nơi thường trú: {{formData.permanentAddress}}
{{#if formData.temporaryAddress}}Nơi tạm trú: {{formData.temporaryAddress}}
{{/if}}Giấy tờ tùy thân: {{#if formData.subjectCitizenId}}Số định danh cá nhân {{formData.subjectCitizenId}}{{else}}Hộ chiếu số {{formData.subjectPassport}}{{/if}}
Họ và tên cha: {{formData.fatherName}}
Họ và tên mẹ: {{formData.motherName}}
{{#if formData.spouseName}}Họ và tên vợ/chồng: {{formData.spouseName}}
{{/if}}
TÌNH TRẠNG ÁN TÍCH: theo kết quả tra cứu Cơ sở dữ liệu lý lịch tư pháp, do người ký Phiếu xác nhận tại phần kèm theo.
{{#if formData.includeBanInfo}}
THÔNG TIN VỀ VIỆC CẤM ĐẢM NHIỆM CHỨC VỤ, THÀNH LẬP, QUẢN LÝ DOANH NGHIỆP, HỢP TÁC XÃ: theo kết quả tra cứu, do người ký Phiếu xác nhận tại phần kèm theo.
{{/if}}
Mục đích sử dụng: {{formData.purpose}}`,
  },
  supplementPolicy: 'RESTART',
  supplementDeadlineDays: SUPPLEMENT_DAYS,
};

export const CRIMINAL_RECORD_PROCEDURES: { code: string; definition: ProcedureDefinition }[] = [
  { code: CODE.CRIMINAL_RECORD, definition: criminalRecordCertificate },
];
