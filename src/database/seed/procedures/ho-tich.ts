/**
 * Sector "Hộ tịch" (civil status), served by the People's Committees of the
 * communes and wards.
 *
 * Common sources:
 * - Luật Hộ tịch số 60/2014/QH13 (civil status law), in particular Điều 11
 *   (lệ phí: exempt for on-time birth and death registration, guardianship,
 *   marriage of Vietnamese citizens residing in the country; exempt for
 *   families with meritorious services, poor households and people with
 *   disabilities);
 * - Nghị định 123/2015/NĐ-CP (details of the law), amended by Nghị định
 *   07/2025/NĐ-CP (amending the decrees on civil status, nationality and
 *   certification — number recalled from memory, please check);
 * - Thông tư 04/2020/TT-BTP (implementation, forms and evidence rules);
 * - Nghị định 87/2020/NĐ-CP and Thông tư 01/2022/TT-BTP (electronic civil
 *   status database and online registration);
 * - Thông tư 85/2019/TT-BTC (as amended by Thông tư 106/2021/TT-BTC): civil
 *   status charges are set by each provincial People's Council;
 * - Thông tư 281/2016/TT-BTC: 8,000 VND per copy of a civil-status extract.
 * - Since 1 July 2025 (two-level local government, Nghị định 120/2025/NĐ-CP on
 *   dividing powers in the justice sector — number from memory) the commune
 *   also handles the cases that used to go to the district.
 *
 * "Same day" procedures follow the rule "received after 15:00 → returned the
 * next working day": 0.5 working day with sameDayCutoff 15:00, so that the
 * due date (which decides on-time/late) is the day of reception before 15:00
 * and the next working day after it.
 */
import type { FieldDefinition, ProcedureDefinition } from '../../../procedures/forms/definition.js';
import { CODE } from './codes.js';
import {
  DEMO_COMMUNES,
  ID_CARD_FROM_PROFILE,
  L,
  MiB,
  OTHER_NATIONALITY,
  RESIDENCE_FROM_PROFILE,
  SCANS,
  SUPPLEMENT_DAYS,
  VIETNAM,
  authorisationComponent,
  birthDateField,
  contactPhoneField,
  nameField,
  nationalityEthnicityAndId,
  residenceField,
  sexField,
  standardWorkflow,
  type Whose,
} from './common.js';

const LEGAL_CIVIL_STATUS = [
  'Luật Hộ tịch số 60/2014/QH13 ngày 20/11/2014',
  'Nghị định số 123/2015/NĐ-CP ngày 15/11/2015 của Chính phủ quy định chi tiết một số điều và biện pháp thi hành Luật Hộ tịch',
  'Thông tư số 04/2020/TT-BTP ngày 28/5/2020 của Bộ trưởng Bộ Tư pháp quy định chi tiết thi hành Luật Hộ tịch và Nghị định số 123/2015/NĐ-CP',
  'Nghị định số 87/2020/NĐ-CP ngày 28/7/2020 của Chính phủ quy định về Cơ sở dữ liệu hộ tịch điện tử, đăng ký hộ tịch trực tuyến',
];

/** Luật Hộ tịch, Điều 11 khoản 1 điểm a: who pays no civil-status charge. */
const CIVIL_STATUS_FEE_EXEMPTIONS = [
  {
    code: 'CO_CONG',
    label: L('Người thuộc gia đình có công với cách mạng', 'Member of a family with meritorious services to the revolution'),
  },
  { code: 'HO_NGHEO', label: L('Người thuộc hộ nghèo', 'Member of a poor household') },
  { code: 'KHUYET_TAT', label: L('Người khuyết tật', 'Person with a disability') },
];

const AUTHORISATION_HINT = L(
  'Chỉ khi nộp hồ sơ theo ủy quyền. Văn bản ủy quyền phải được chứng thực, trừ khi người được ủy quyền là ông, bà, cha, mẹ, con, vợ, chồng, anh, chị, em ruột của người ủy quyền.',
  'Only when filing on behalf of someone. The power of attorney must be certified unless the agent is a grandparent, parent, child, spouse or sibling of the principal.',
);

const CHILD: Whose = { vi: 'của trẻ', en: "Child's" };
const MOTHER: Whose = { vi: 'của mẹ', en: "Mother's" };
const FATHER: Whose = { vi: 'của cha', en: "Father's" };

// ===========================================================================
// 1.001193 — Đăng ký khai sinh (birth registration)
// ---------------------------------------------------------------------------
// Sources: Luật Hộ tịch Điều 13–17 (60 days to register; the commune of the
// father's or mother's residence registers); Nghị định 123/2015 Điều 9;
// Thông tư 04/2020 (evidence of birth when there is no Giấy chứng sinh:
// a witness's statement or a sworn statement). National code 1.001193 (sure).
// Time: same day, next working day when received after 15:00.
// Fee: none when on time (Luật Hộ tịch Điều 11.1.b). A late registration
// (after 60 days) pays the charge set by the provincial People's Council; the
// demo does not model that case.
// Service level: full online on the national portal. (The bundled "liên thông
// khai sinh – thường trú – thẻ BHYT" of Nghị định 63/2024/NĐ-CP is a separate
// procedure and is not seeded here.)
// ===========================================================================
const birthRegistration: ProcedureDefinition = {
  name: L('Đăng ký khai sinh', 'Birth registration'),
  sector: 'Hộ tịch',
  level: 'COMMUNE',
  agencyCodes: DEMO_COMMUNES,
  legalBasis: [...LEGAL_CIVIL_STATUS, 'Luật Trẻ em số 102/2016/QH13 ngày 05/4/2016'],
  description: L(
    'Cha, mẹ có trách nhiệm đăng ký khai sinh cho con trong thời hạn 60 ngày kể từ ngày sinh; nếu cha, mẹ không thể đăng ký thì ông, bà hoặc người thân thích khác, cá nhân, tổ chức đang nuôi dưỡng trẻ em thực hiện. Nộp tại Ủy ban nhân dân cấp xã nơi cư trú của cha hoặc mẹ. Kết quả: Giấy khai sinh (bản chính) và số định danh cá nhân của trẻ; giải quyết ngay trong ngày, hồ sơ nhận sau 15 giờ được trả trong ngày làm việc tiếp theo. Miễn lệ phí khi đăng ký đúng hạn.',
    "Parents must register their child's birth within 60 days of birth; if they cannot, a grandparent, another relative or the person or organisation caring for the child does it. File with the People's Committee of the commune where the father or mother resides. Result: the birth certificate (original) and the child's personal identification number, the same day (next working day for dossiers received after 15:00). Free when registered on time.",
  ),
  processingTime: { workingDays: 0.5 },
  sameDayCutoff: '15:00',
  serviceLevel: 'FULL',
  fee: { amount: 0, currency: 'VND', payWhen: 'ON_SUBMIT' },
  form: {
    pages: [
      { key: 'declarant', title: L('Người đi khai sinh', 'Declarant') },
      { key: 'child', title: L('Thông tin của trẻ', 'The child') },
      { key: 'parents', title: L('Thông tin cha, mẹ', 'The parents') },
    ],
    fields: [
      {
        key: 'declarantRelation',
        type: 'select',
        label: L('Quan hệ với người được khai sinh', 'Relationship to the child'),
        required: true,
        page: 'declarant',
        options: [
          { value: 'MOTHER', label: L('Mẹ', 'Mother') },
          { value: 'FATHER', label: L('Cha', 'Father') },
          { value: 'GRANDPARENT', label: L('Ông, bà', 'Grandparent') },
          { value: 'RELATIVE', label: L('Người thân thích khác', 'Other relative') },
          { value: 'CARER', label: L('Cá nhân, tổ chức đang nuôi dưỡng trẻ em', 'Person or organisation caring for the child') },
          { value: 'AUTHORISED', label: L('Người được cha, mẹ ủy quyền', 'Agent authorised by the parents') },
        ],
      },
      contactPhoneField('declarantPhone', 'declarant'),
      {
        key: 'declarantEmail',
        type: 'email',
        label: L('Thư điện tử', 'Email'),
        hint: L('Không bắt buộc; để nhận thông báo về hồ sơ.', 'Optional; to receive notices about the dossier.'),
        maxLength: 254,
        page: 'declarant',
      },

      nameField(
        'childName',
        L('Họ, chữ đệm và tên của trẻ', "Child's full name"),
        'child',
        L(
          'Họ của trẻ theo họ của cha hoặc họ của mẹ theo thỏa thuận của cha, mẹ. Viết có dấu, ví dụ: Nguyễn Minh Anh.',
          "The child's family name is the father's or the mother's, as the parents agree. Write with diacritics, e.g. Nguyễn Minh Anh.",
        ),
      ),
      birthDateField('childBirthDate', CHILD, 'child'),
      sexField('childSex', CHILD, 'child'),
      ...nationalityEthnicityAndId('child', CHILD, 'child').filter((f) => f.key !== 'childCitizenId' && f.key !== 'childPassport'),
      {
        key: 'birthPlaceType',
        type: 'radio',
        label: L('Trẻ được sinh ra', 'The child was born'),
        required: true,
        page: 'child',
        options: [
          { value: 'HEALTH_FACILITY', label: L('Tại cơ sở y tế', 'In a health facility') },
          { value: 'OUTSIDE', label: L('Ngoài cơ sở y tế (tại nhà, trên đường đi…)', 'Outside a health facility (at home, on the way…)') },
        ],
      },
      {
        key: 'birthPlace',
        type: 'text',
        label: L('Nơi sinh', 'Place of birth'),
        hint: L(
          'Sinh tại cơ sở y tế: ghi tên cơ sở y tế và địa danh, ví dụ “Bệnh viện Đa khoa tỉnh Minh Hà, phường Hoà Bình, tỉnh Minh Hà”. Sinh ngoài cơ sở y tế: ghi tên xã, tỉnh nơi sinh.',
          'In a health facility: its name and the place, e.g. "Minh Hà Provincial General Hospital, Hoà Bình ward, Minh Hà province". Elsewhere: the commune and province.',
        ),
        required: true,
        maxLength: 250,
        page: 'child',
      },
      {
        key: 'hometown',
        type: 'text',
        label: L('Quê quán', 'Place of origin'),
        hint: L(
          'Theo quê quán của cha hoặc của mẹ, theo thỏa thuận của cha, mẹ; ghi tên xã, tỉnh hiện nay.',
          "The father's or the mother's place of origin, as the parents agree; give today's commune and province.",
        ),
        required: true,
        maxLength: 250,
        page: 'child',
      },

      nameField('motherName', L('Họ, chữ đệm và tên của mẹ', "Mother's full name"), 'parents'),
      birthDateField('motherBirthDate', MOTHER, 'parents'),
      ...nationalityEthnicityAndId('mother', MOTHER, 'parents'),
      residenceField('motherResidence', MOTHER, 'parents'),
      {
        key: 'hasFather',
        type: 'checkbox',
        label: L('Khai thông tin về người cha', "Give the father's details"),
        hint: L(
          'Chọn khi cha, mẹ của trẻ đã đăng ký kết hôn. Nếu chưa xác định được cha thì để trống phần này. Nếu cha, mẹ chưa đăng ký kết hôn và người cha muốn nhận con, hãy dùng thủ tục đăng ký khai sinh kết hợp nhận cha, con.',
          "Tick when the parents are married. Leave it empty when the father is not known. If the parents are not married and the father wants to acknowledge the child, use the procedure 'birth registration combined with acknowledgement of paternity'.",
        ),
        page: 'parents',
      },
      {
        ...nameField('fatherName', L('Họ, chữ đệm và tên của cha', "Father's full name"), 'parents'),
        showIf: { field: 'hasFather', equals: true },
      },
      { ...birthDateField('fatherBirthDate', FATHER, 'parents'), showIf: { field: 'hasFather', equals: true } },
      ...nationalityEthnicityAndId('father', FATHER, 'parents').map((f) =>
        f.key === 'fatherNationality' ? { ...f, showIf: { field: 'hasFather', equals: true } } : f,
      ),
      { ...residenceField('fatherResidence', FATHER, 'parents'), showIf: { field: 'hasFather', equals: true } },
    ],
  },
  components: [
    {
      code: 'GCS',
      name: L('Giấy chứng sinh', 'Certificate of birth from the health facility'),
      required: true,
      accept: SCANS,
      maxBytes: 10 * MiB,
      hint: L(
        'Do cơ sở y tế nơi trẻ sinh ra cấp. Nếu không có: văn bản xác nhận của người làm chứng; không có người làm chứng thì giấy cam đoan về việc sinh. Trẻ bị bỏ rơi: biên bản xác nhận việc trẻ bị bỏ rơi.',
        'Issued by the health facility where the child was born. Without it: a statement of a witness, or else a sworn statement about the birth. A foundling: the record of the child being found.',
      ),
    },
    {
      code: 'GCNKH',
      name: L('Giấy chứng nhận kết hôn của cha, mẹ', "Parents' marriage certificate"),
      required: false,
      accept: SCANS,
      maxBytes: 10 * MiB,
      satisfiedBy: { resultOf: CODE.MARRIAGE },
      hint: L(
        'Khi cha, mẹ đã đăng ký kết hôn. Không phải tải lên nếu việc kết hôn đã được đăng ký qua Cổng này hoặc đã có trong Cơ sở dữ liệu hộ tịch điện tử.',
        'When the parents are married. No upload needed if the marriage was registered through this portal or is in the electronic civil status database.',
      ),
    },
    ID_CARD_FROM_PROFILE,
    authorisationComponent(AUTHORISATION_HINT),
  ],
  workflow: standardWorkflow(
    L(
      'Công chức Tư pháp – Hộ tịch kiểm tra, ghi Sổ hộ tịch và cập nhật Cơ sở dữ liệu',
      'Civil status officer checks, records and updates the database',
    ),
    L('Lãnh đạo Ủy ban nhân dân cấp xã ký Giấy khai sinh', "A leader of the commune People's Committee signs the birth certificate"),
  ),
  resultTemplate: {
    title: L('Giấy khai sinh', 'Birth certificate'),
    body: `GIẤY KHAI SINH

Họ, chữ đệm, tên: {{formData.childName}}
Ngày, tháng, năm sinh: {{formData.childBirthDate}}
Giới tính: {{formData.childSex}}
{{#if formData.childEthnicity}}Dân tộc: {{formData.childEthnicity}}
{{/if}}Quốc tịch: {{#if formData.childNationalityOther}}{{formData.childNationalityOther}}{{else}}{{formData.childNationality}}{{/if}}
Nơi sinh: {{formData.birthPlace}}
Quê quán: {{formData.hometown}}

Họ, chữ đệm, tên người mẹ: {{formData.motherName}}
Ngày, tháng, năm sinh: {{formData.motherBirthDate}}
{{#if formData.motherEthnicity}}Dân tộc: {{formData.motherEthnicity}}
{{/if}}Quốc tịch: {{#if formData.motherNationalityOther}}{{formData.motherNationalityOther}}{{else}}{{formData.motherNationality}}{{/if}}
Nơi cư trú: {{formData.motherResidence}}

{{#if formData.hasFather}}Họ, chữ đệm, tên người cha: {{formData.fatherName}}
Ngày, tháng, năm sinh: {{formData.fatherBirthDate}}
{{#if formData.fatherEthnicity}}Dân tộc: {{formData.fatherEthnicity}}
{{/if}}Quốc tịch: {{#if formData.fatherNationalityOther}}{{formData.fatherNationalityOther}}{{else}}{{formData.fatherNationality}}{{/if}}
Nơi cư trú: {{formData.fatherResidence}}
{{else}}Họ, chữ đệm, tên người cha: (không ghi)
{{/if}}`,
  },
  supplementPolicy: 'RESTART',
  supplementDeadlineDays: SUPPLEMENT_DAYS,
};

// ===========================================================================
// 1.000894 — Đăng ký kết hôn (marriage registration, Vietnamese citizens)
// ---------------------------------------------------------------------------
// Sources: Luật Hôn nhân và gia đình 2014 Điều 8 (age: man from 20, woman from
// 18; voluntary; not forbidden cases); Luật Hộ tịch Điều 17–18; Nghị định
// 123/2015 Điều 10–11 (the marital status certificate of a party residing
// elsewhere); Thông tư 04/2020. National code 1.000894 (fairly sure).
// Time: the law says "right after receiving a complete dossier", and at most
// 5 working days when the conditions must be verified. Both parties have to
// come together to sign the register and the certificate, and the commune
// fixes the date, so the demo uses the 5-working-day maximum as the due date.
// Fee: none (Luật Hộ tịch Điều 11.1.b: marriage of Vietnamese citizens
// residing in the country).
// Service level: partial — filing online, signing in person.
// ===========================================================================
const BRIDE: Whose = { vi: 'của bên nữ', en: "Bride's" };
const GROOM: Whose = { vi: 'của bên nam', en: "Groom's" };

function marriageCountField(key: string, whose: Whose, page: string): FieldDefinition {
  return {
    key,
    type: 'select',
    label: L(`Kết hôn lần thứ mấy (${whose.vi.replace('của ', '')})`, `${whose.en} marriage`),
    required: true,
    page,
    options: [
      { value: 'FIRST', label: L('Lần đầu', 'First marriage') },
      { value: 'SECOND', label: L('Lần thứ hai', 'Second marriage') },
      { value: 'THIRD_OR_MORE', label: L('Lần thứ ba trở lên', 'Third or later marriage') },
    ],
  };
}

const marriageRegistration: ProcedureDefinition = {
  name: L('Đăng ký kết hôn', 'Marriage registration'),
  sector: 'Hộ tịch',
  level: 'COMMUNE',
  agencyCodes: DEMO_COMMUNES,
  legalBasis: ['Luật Hôn nhân và gia đình số 52/2014/QH13 ngày 19/6/2014', ...LEGAL_CIVIL_STATUS],
  description: L(
    'Nam từ đủ 20 tuổi, nữ từ đủ 18 tuổi, tự nguyện kết hôn và không thuộc các trường hợp cấm kết hôn nộp hồ sơ tại Ủy ban nhân dân cấp xã nơi cư trú của một trong hai bên. Hai bên phải cùng có mặt để ký vào Sổ đăng ký kết hôn và Giấy chứng nhận kết hôn. Giải quyết ngay khi nhận đủ hồ sơ; trường hợp cần xác minh điều kiện kết hôn thì không quá 05 ngày làm việc. Miễn lệ phí.',
    "A man aged 20 or more and a woman aged 18 or more who marry of their own free will and are not in a case where marriage is forbidden file with the People's Committee of the commune where either of them resides. Both must come in person to sign the register and the marriage certificate. Resolved as soon as the dossier is complete; at most 5 working days when the conditions must be verified. Free of charge.",
  ),
  processingTime: { workingDays: 5 },
  serviceLevel: 'PARTIAL',
  fee: { amount: 0, currency: 'VND', payWhen: 'ON_SUBMIT' },
  form: {
    pages: [
      { key: 'bride', title: L('Bên nữ', 'The bride') },
      { key: 'groom', title: L('Bên nam', 'The groom') },
      { key: 'registration', title: L('Đăng ký và trao Giấy chứng nhận', 'Registration and handover') },
    ],
    fields: [
      nameField('brideName', L('Họ, chữ đệm và tên bên nữ', "Bride's full name"), 'bride'),
      {
        ...birthDateField('brideBirthDate', BRIDE, 'bride'),
        hint: L('Nữ phải từ đủ 18 tuổi trở lên.', 'The woman must be at least 18 years old.'),
      },
      ...nationalityEthnicityAndId('bride', BRIDE, 'bride'),
      residenceField('brideResidence', BRIDE, 'bride'),
      marriageCountField('brideMarriageCount', BRIDE, 'bride'),

      nameField('groomName', L('Họ, chữ đệm và tên bên nam', "Groom's full name"), 'groom'),
      {
        ...birthDateField('groomBirthDate', GROOM, 'groom'),
        hint: L('Nam phải từ đủ 20 tuổi trở lên.', 'The man must be at least 20 years old.'),
      },
      ...nationalityEthnicityAndId('groom', GROOM, 'groom'),
      residenceField('groomResidence', GROOM, 'groom'),
      marriageCountField('groomMarriageCount', GROOM, 'groom'),

      {
        key: 'submittedBy',
        type: 'radio',
        label: L('Người nộp hồ sơ', 'Filed by'),
        required: true,
        page: 'registration',
        options: [
          { value: 'BRIDE', label: L('Bên nữ', 'The bride') },
          { value: 'GROOM', label: L('Bên nam', 'The groom') },
        ],
      },
      contactPhoneField('contactPhone', 'registration'),
      {
        key: 'preferredDate',
        type: 'date',
        label: L('Ngày mong muốn đến ký và nhận Giấy chứng nhận kết hôn', 'Preferred date to sign and receive the certificate'),
        hint: L(
          'Hai bên nam, nữ phải cùng có mặt. Ngày chính thức do Ủy ban nhân dân cấp xã hẹn khi tiếp nhận hồ sơ.',
          'Both must be present. The commune confirms the date when it receives the dossier.',
        ),
        min: 'today',
        page: 'registration',
      },
      {
        key: 'voluntaryDeclaration',
        type: 'checkbox',
        label: L(
          'Chúng tôi cam đoan những lời khai trên là đúng sự thật, việc kết hôn của chúng tôi là tự nguyện, không vi phạm quy định của Luật Hôn nhân và gia đình, và chịu trách nhiệm trước pháp luật về cam đoan của mình.',
          'We declare that the above is true, that we marry of our own free will and in compliance with the Law on Marriage and Family, and we are answerable before the law for this declaration.',
        ),
        required: true,
        page: 'registration',
      },
    ],
  },
  components: [
    ID_CARD_FROM_PROFILE,
    {
      code: 'GTTT_BENKIA',
      name: L('Giấy tờ tùy thân của bên còn lại', "The other party's identity document"),
      required: false,
      accept: SCANS,
      maxBytes: 10 * MiB,
      hint: L(
        'Không phải tải lên nếu là công dân Việt Nam có số định danh cá nhân; xuất trình bản chính khi đến ký Giấy chứng nhận kết hôn.',
        'Not needed for a Vietnamese citizen with a personal identification number; show the original when coming to sign.',
      ),
    },
    {
      code: 'XNTTHN',
      name: L('Giấy xác nhận tình trạng hôn nhân', 'Certificate of marital status'),
      required: false,
      accept: SCANS,
      maxBytes: 10 * MiB,
      satisfiedBy: { resultOf: CODE.MARITAL_STATUS },
      hint: L(
        'Bắt buộc với bên không cư trú tại xã nơi đăng ký kết hôn, do Ủy ban nhân dân cấp xã nơi người đó cư trú cấp. Không phải tải lên nếu giấy đã được cấp qua Cổng này.',
        'Required for a party who does not reside in the commune of registration, issued by the commune where that party resides. No upload needed if it was issued through this portal.',
      ),
    },
    {
      code: 'CHAMDUT_HN',
      name: L('Giấy tờ chứng minh hôn nhân trước đã chấm dứt', 'Proof that an earlier marriage has ended'),
      required: false,
      accept: SCANS,
      maxBytes: 10 * MiB,
      hint: L(
        'Khi kết hôn không phải lần đầu: bản án, quyết định ly hôn đã có hiệu lực pháp luật hoặc trích lục khai tử của vợ, chồng trước (nếu chưa có trong Cơ sở dữ liệu hộ tịch).',
        "For a second or later marriage: the final divorce judgment or decision, or the former spouse's death extract (unless already in the civil status database).",
      ),
    },
  ],
  workflow: standardWorkflow(
    L(
      'Công chức Tư pháp – Hộ tịch kiểm tra điều kiện kết hôn, xác minh khi cần',
      'Civil status officer checks the conditions, verifies if needed',
    ),
    L(
      'Lãnh đạo Ủy ban nhân dân cấp xã ký Giấy chứng nhận kết hôn',
      "A leader of the commune People's Committee signs the marriage certificate",
    ),
  ),
  resultTemplate: {
    title: L('Giấy chứng nhận kết hôn', 'Marriage certificate'),
    body: `GIẤY CHỨNG NHẬN KẾT HÔN

Họ, chữ đệm, tên vợ: {{formData.brideName}}
Ngày, tháng, năm sinh: {{formData.brideBirthDate}}
{{#if formData.brideEthnicity}}Dân tộc: {{formData.brideEthnicity}}
{{/if}}Quốc tịch: {{#if formData.brideNationalityOther}}{{formData.brideNationalityOther}}{{else}}{{formData.brideNationality}}{{/if}}
Nơi cư trú: {{formData.brideResidence}}
Giấy tờ tùy thân: {{#if formData.brideCitizenId}}Số định danh cá nhân {{formData.brideCitizenId}}{{else}}Hộ chiếu số {{formData.bridePassport}}{{/if}}

Họ, chữ đệm, tên chồng: {{formData.groomName}}
Ngày, tháng, năm sinh: {{formData.groomBirthDate}}
{{#if formData.groomEthnicity}}Dân tộc: {{formData.groomEthnicity}}
{{/if}}Quốc tịch: {{#if formData.groomNationalityOther}}{{formData.groomNationalityOther}}{{else}}{{formData.groomNationality}}{{/if}}
Nơi cư trú: {{formData.groomResidence}}
Giấy tờ tùy thân: {{#if formData.groomCitizenId}}Số định danh cá nhân {{formData.groomCitizenId}}{{else}}Hộ chiếu số {{formData.groomPassport}}{{/if}}

Hai bên đã cùng ký vào Sổ đăng ký kết hôn và Giấy chứng nhận kết hôn này.`,
  },
  supplementPolicy: 'RESTART',
  supplementDeadlineDays: SUPPLEMENT_DAYS,
};

// ===========================================================================
// 1.000656 — Đăng ký khai tử (death registration)
// ---------------------------------------------------------------------------
// Sources: Luật Hộ tịch Điều 32–34 (15 days from the death; the commune of
// the deceased's last residence, or where the person died); Nghị định
// 123/2015 Điều 4 khoản 2 (who issues the death notice or what replaces it);
// Thông tư 04/2020. National code 1.000656 (fairly sure).
// Time: same day (after 15:00 → next working day); at most 3 working days
// when verification is needed — not modelled (the due date uses the same-day
// rule).
// Fee: none when on time (Luật Hộ tịch Điều 11.1.b); a late registration
// pays the charge set by the People's Council — not modelled.
// Service level: full online. (The bundle "liên thông khai tử – xoá thường trú
// – mai táng phí" of Nghị định 63/2024/NĐ-CP is a separate procedure.)
// ===========================================================================
const DECEASED: Whose = { vi: 'của người chết', en: "Deceased's" };

const deathRegistration: ProcedureDefinition = {
  name: L('Đăng ký khai tử', 'Death registration'),
  sector: 'Hộ tịch',
  level: 'COMMUNE',
  agencyCodes: DEMO_COMMUNES,
  legalBasis: LEGAL_CIVIL_STATUS,
  description: L(
    'Trong thời hạn 15 ngày kể từ ngày có người chết, vợ, chồng hoặc con, cha, mẹ hoặc người thân thích khác của người chết có trách nhiệm đăng ký khai tử tại Ủy ban nhân dân cấp xã nơi cư trú cuối cùng của người chết (hoặc nơi người đó chết, nơi phát hiện thi thể). Kết quả: Trích lục khai tử, ngay trong ngày; hồ sơ nhận sau 15 giờ được trả trong ngày làm việc tiếp theo. Miễn lệ phí khi đăng ký đúng hạn.',
    "Within 15 days of a death, the spouse, a child, a parent or another relative registers it with the People's Committee of the commune of the deceased's last residence (or where the person died or was found). Result: the death extract, the same day (next working day for dossiers received after 15:00). Free when registered on time.",
  ),
  processingTime: { workingDays: 0.5 },
  sameDayCutoff: '15:00',
  serviceLevel: 'FULL',
  fee: { amount: 0, currency: 'VND', payWhen: 'ON_SUBMIT' },
  form: {
    pages: [
      { key: 'deceased', title: L('Người đã chết', 'The deceased') },
      { key: 'death', title: L('Thông tin về việc chết', 'The death') },
    ],
    fields: [
      {
        key: 'declarantRelation',
        type: 'select',
        label: L('Quan hệ của người đi khai với người chết', 'Your relationship to the deceased'),
        required: true,
        page: 'deceased',
        options: [
          { value: 'SPOUSE', label: L('Vợ hoặc chồng', 'Spouse') },
          { value: 'CHILD', label: L('Con', 'Child') },
          { value: 'PARENT', label: L('Cha hoặc mẹ', 'Parent') },
          { value: 'RELATIVE', label: L('Người thân thích khác', 'Other relative') },
          {
            value: 'ORGANISATION',
            label: L('Đại diện cơ quan, tổ chức, cá nhân liên quan', 'Representative of an organisation or person concerned'),
          },
          { value: 'AUTHORISED', label: L('Người được ủy quyền', 'Authorised agent') },
        ],
      },
      contactPhoneField('declarantPhone', 'deceased'),
      nameField('deceasedName', L('Họ, chữ đệm và tên người chết', "Deceased's full name"), 'deceased'),
      birthDateField('deceasedBirthDate', DECEASED, 'deceased'),
      sexField('deceasedSex', DECEASED, 'deceased'),
      ...nationalityEthnicityAndId('deceased', DECEASED, 'deceased').map((f) =>
        f.key === 'deceasedCitizenId' ? { ...f, required: false } : f,
      ),
      {
        ...residenceField('deceasedResidence', DECEASED, 'deceased'),
        label: L('Nơi cư trú cuối cùng của người chết', "Deceased's last place of residence"),
      },

      {
        key: 'deathDate',
        type: 'date',
        label: L('Ngày chết', 'Date of death'),
        required: true,
        max: 'today',
        page: 'death',
      },
      {
        key: 'deathTime',
        type: 'text',
        label: L('Giờ, phút chết', 'Time of death'),
        hint: L(
          'Theo Giấy báo tử, dạng giờ:phút, ví dụ 14:30. Để trống nếu không xác định được.',
          'As on the death notice, hh:mm, e.g. 14:30. Leave empty if unknown.',
        ),
        pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$',
        patternMessage: L('Nhập giờ theo dạng giờ:phút, ví dụ 07:05 hoặc 14:30.', 'Enter the time as hh:mm, e.g. 07:05 or 14:30.'),
        page: 'death',
      },
      {
        key: 'deathPlace',
        type: 'text',
        label: L('Nơi chết', 'Place of death'),
        hint: L(
          'Tên cơ sở y tế hoặc địa chỉ nơi chết, kèm tên xã, tỉnh.',
          'The health facility or the address, with the commune and province.',
        ),
        required: true,
        maxLength: 250,
        page: 'death',
      },
      {
        key: 'deathCause',
        type: 'text',
        label: L('Nguyên nhân chết', 'Cause of death'),
        hint: L('Theo Giấy báo tử hoặc giấy tờ thay thế.', 'As on the death notice or the document replacing it.'),
        required: true,
        maxLength: 250,
        page: 'death',
      },
      {
        key: 'deathNoticeType',
        type: 'select',
        label: L('Giấy báo tử hoặc giấy tờ thay thế', 'Death notice or the document replacing it'),
        required: true,
        page: 'death',
        options: [
          {
            value: 'HEALTH_FACILITY',
            label: L('Giấy báo tử do cơ sở y tế cấp (chết tại cơ sở y tế)', 'Death notice of the health facility (died there)'),
          },
          {
            value: 'POLICE',
            label: L(
              'Văn bản xác nhận của cơ quan công an hoặc kết quả giám định pháp y (chết do tai nạn, bị giết, chết đột ngột hoặc có nghi vấn)',
              'Police confirmation or forensic report (accident, homicide, sudden or suspicious death)',
            ),
          },
          {
            value: 'COURT',
            label: L('Bản án, quyết định của Tòa án tuyên bố một người là đã chết', 'Court judgment or decision declaring the person dead'),
          },
          {
            value: 'COMMUNE',
            label: L(
              'Giấy báo tử do Ủy ban nhân dân cấp xã nơi người đó chết cấp (các trường hợp khác)',
              'Death notice of the commune where the person died (other cases)',
            ),
          },
        ],
      },
    ],
  },
  components: [
    {
      code: 'GBT',
      name: L('Giấy báo tử hoặc giấy tờ thay thế Giấy báo tử', 'Death notice or the document replacing it'),
      required: true,
      accept: SCANS,
      maxBytes: 10 * MiB,
      hint: L(
        'Bản chụp hoặc bản điện tử của giấy tờ đã chọn ở mục “Giấy báo tử hoặc giấy tờ thay thế”.',
        'A scan or the electronic copy of the document chosen in the form.',
      ),
    },
    ID_CARD_FROM_PROFILE,
    authorisationComponent(AUTHORISATION_HINT),
  ],
  workflow: standardWorkflow(
    L('Công chức Tư pháp – Hộ tịch kiểm tra, ghi Sổ hộ tịch', 'Civil status officer checks and records the death'),
    L('Lãnh đạo Ủy ban nhân dân cấp xã ký Trích lục khai tử', "A leader of the commune People's Committee signs the death extract"),
  ),
  resultTemplate: {
    title: L('Trích lục khai tử', 'Death extract'),
    body: `TRÍCH LỤC KHAI TỬ

Họ, chữ đệm, tên người chết: {{formData.deceasedName}}
Ngày, tháng, năm sinh: {{formData.deceasedBirthDate}}
Giới tính: {{formData.deceasedSex}}
{{#if formData.deceasedEthnicity}}Dân tộc: {{formData.deceasedEthnicity}}
{{/if}}Quốc tịch: {{#if formData.deceasedNationalityOther}}{{formData.deceasedNationalityOther}}{{else}}{{formData.deceasedNationality}}{{/if}}
Giấy tờ tùy thân: {{#if formData.deceasedCitizenId}}Số định danh cá nhân {{formData.deceasedCitizenId}}{{else}}Hộ chiếu số {{formData.deceasedPassport}}{{/if}}
Nơi cư trú cuối cùng: {{formData.deceasedResidence}}

Đã chết vào {{#if formData.deathTime}}lúc {{formData.deathTime}}, {{/if}}ngày {{formData.deathDate}}
Nơi chết: {{formData.deathPlace}}
Nguyên nhân chết: {{formData.deathCause}}`,
  },
  supplementPolicy: 'RESTART',
  supplementDeadlineDays: SUPPLEMENT_DAYS,
};

// ===========================================================================
// 1.004873 — Cấp Giấy xác nhận tình trạng hôn nhân (marital status certificate)
// ---------------------------------------------------------------------------
// Sources: Luật Hộ tịch; Nghị định 123/2015 Điều 21–23 (the certificate states
// its purpose; for a marriage, the person to marry and the place; valid 6
// months); Thông tư 04/2020 (wording of the status: "Chưa đăng ký kết hôn với
// ai", "Đã ly hôn theo… hiện tại chưa đăng ký kết hôn với ai"…). National code
// 1.004873 (fairly sure).
// Time: 3 working days (Nghị định 123/2015 Điều 22); longer when the commune
// must ask other places where the person lived — not modelled.
// Fee: a civil-status charge set by the provincial People's Council; it varies
// (a few thousand to a few tens of thousands of đồng, often waived online).
// Demo amount: 5,000 VND — an assumption, not a published Minh Hà figure.
// Service level: full online (electronic certificate).
// ===========================================================================
const PERSON: Whose = { vi: 'của người được xác nhận', en: "Person's" };
const INTENDED: Whose = { vi: 'của người dự định kết hôn', en: "Intended spouse's" };

const maritalStatusCertificate: ProcedureDefinition = {
  name: L('Cấp Giấy xác nhận tình trạng hôn nhân', 'Issuance of a certificate of marital status'),
  sector: 'Hộ tịch',
  level: 'COMMUNE',
  agencyCodes: DEMO_COMMUNES,
  legalBasis: [
    ...LEGAL_CIVIL_STATUS,
    'Thông tư số 85/2019/TT-BTC ngày 29/11/2019 của Bộ trưởng Bộ Tài chính hướng dẫn về phí và lệ phí thuộc thẩm quyền quyết định của Hội đồng nhân dân tỉnh',
  ],
  description: L(
    'Ủy ban nhân dân cấp xã nơi thường trú (hoặc nơi tạm trú, nếu không có nơi thường trú) cấp Giấy xác nhận tình trạng hôn nhân để đăng ký kết hôn hoặc dùng vào mục đích khác. Giấy có giá trị 06 tháng kể từ ngày cấp và chỉ dùng cho mục đích đã ghi. Thời hạn giải quyết: 03 ngày làm việc.',
    "The People's Committee of the commune of permanent residence (or temporary residence, when there is none) certifies a person's marital status, to register a marriage or for another purpose. Valid for 6 months, for the stated purpose only. Processing time: 3 working days.",
  ),
  processingTime: { workingDays: 3 },
  serviceLevel: 'FULL',
  fee: {
    amount: 5000,
    currency: 'VND',
    payWhen: 'ON_SUBMIT',
    name: L('Lệ phí cấp Giấy xác nhận tình trạng hôn nhân', 'Charge for a certificate of marital status'),
    exemptions: CIVIL_STATUS_FEE_EXEMPTIONS,
  },
  form: {
    pages: [
      { key: 'person', title: L('Người được xác nhận', 'The person') },
      { key: 'purpose', title: L('Tình trạng hôn nhân và mục đích sử dụng', 'Marital status and purpose') },
    ],
    fields: [
      nameField('fullName', L('Họ, chữ đệm và tên', 'Full name'), 'person'),
      birthDateField('birthDate', PERSON, 'person'),
      sexField('sex', PERSON, 'person'),
      ...nationalityEthnicityAndId('person', PERSON, 'person'),
      residenceField('residence', PERSON, 'person'),

      {
        key: 'maritalStatus',
        type: 'select',
        label: L('Tình trạng hôn nhân hiện tại', 'Current marital status'),
        required: true,
        page: 'purpose',
        options: [
          { value: 'SINGLE', label: L('Chưa đăng ký kết hôn với ai', 'Never married') },
          { value: 'MARRIED', label: L('Đang có vợ hoặc chồng', 'Married') },
          { value: 'DIVORCED', label: L('Đã ly hôn, hiện chưa đăng ký kết hôn với ai', 'Divorced, not remarried') },
          { value: 'WIDOWED', label: L('Vợ hoặc chồng đã chết, hiện chưa đăng ký kết hôn với ai', 'Widowed, not remarried') },
        ],
      },
      {
        key: 'spouseName',
        type: 'text',
        label: L('Họ, chữ đệm và tên vợ hoặc chồng hiện tại', "Current spouse's full name"),
        required: true,
        maxLength: 100,
        showIf: { field: 'maritalStatus', equals: 'MARRIED' },
        page: 'purpose',
      },
      {
        key: 'formerSpouseName',
        type: 'text',
        label: L('Họ, chữ đệm và tên vợ hoặc chồng trước', "Former spouse's full name"),
        required: true,
        maxLength: 100,
        showIf: { field: 'maritalStatus', in: ['DIVORCED', 'WIDOWED'] },
        page: 'purpose',
      },
      {
        key: 'divorceRef',
        type: 'text',
        label: L('Bản án, quyết định ly hôn', 'Divorce judgment or decision'),
        hint: L(
          'Ghi số, ngày và Tòa án đã ban hành, ví dụ: “Quyết định số 25/2025/QĐST-HNGĐ ngày 12/9/2025 của Tòa án nhân dân khu vực 1 – Minh Hà”.',
          'Its number, date and court, e.g. "Decision no. 25/2025/QĐST-HNGĐ of 12 September 2025 of the Regional People\'s Court 1 – Minh Hà".',
        ),
        required: true,
        maxLength: 250,
        showIf: { field: 'maritalStatus', equals: 'DIVORCED' },
        page: 'purpose',
      },
      {
        key: 'deathRef',
        type: 'text',
        label: L('Trích lục khai tử của vợ hoặc chồng', "Spouse's death extract"),
        hint: L('Số, ngày và cơ quan cấp trích lục khai tử.', 'Number, date and issuing authority of the death extract.'),
        required: true,
        maxLength: 250,
        showIf: { field: 'maritalStatus', equals: 'WIDOWED' },
        page: 'purpose',
      },
      {
        key: 'purpose',
        type: 'radio',
        label: L('Mục đích sử dụng', 'Purpose'),
        required: true,
        page: 'purpose',
        options: [
          { value: 'MARRIAGE', label: L('Để đăng ký kết hôn', 'To register a marriage') },
          { value: 'OTHER', label: L('Mục đích khác', 'Another purpose') },
        ],
      },
      {
        key: 'intendedSpouseName',
        type: 'text',
        label: L('Họ, chữ đệm và tên người dự định kết hôn', "Intended spouse's full name"),
        required: true,
        maxLength: 100,
        showIf: { field: 'purpose', equals: 'MARRIAGE' },
        page: 'purpose',
      },
      { ...birthDateField('intendedSpouseBirthDate', INTENDED, 'purpose'), showIf: { field: 'purpose', equals: 'MARRIAGE' } },
      {
        key: 'intendedSpouseNationality',
        type: 'select',
        label: L('Quốc tịch của người dự định kết hôn', "Intended spouse's nationality"),
        required: true,
        options: [
          { value: VIETNAM, label: L('Việt Nam', 'Vietnamese') },
          { value: OTHER_NATIONALITY, label: L('Quốc tịch khác', 'Other nationality') },
        ],
        showIf: { field: 'purpose', equals: 'MARRIAGE' },
        page: 'purpose',
      },
      {
        key: 'intendedSpouseNationalityOther',
        type: 'text',
        label: L('Tên quốc tịch khác của người dự định kết hôn', "Intended spouse's other nationality"),
        required: true,
        maxLength: 60,
        showIf: {
          all: [
            { field: 'purpose', equals: 'MARRIAGE' },
            { field: 'intendedSpouseNationality', equals: OTHER_NATIONALITY },
          ],
        },
        page: 'purpose',
      },
      {
        key: 'marriagePlace',
        type: 'text',
        label: L('Nơi dự định đăng ký kết hôn', 'Where the marriage will be registered'),
        hint: L(
          'Ví dụ: Ủy ban nhân dân phường Hoà Bình, tỉnh Minh Hà; hoặc cơ quan có thẩm quyền của nước ngoài.',
          "E.g. People's Committee of Hoà Bình ward, Minh Hà province; or a foreign authority.",
        ),
        required: true,
        maxLength: 250,
        showIf: { field: 'purpose', equals: 'MARRIAGE' },
        page: 'purpose',
      },
      {
        key: 'otherPurpose',
        type: 'text',
        label: L('Mục đích sử dụng cụ thể', 'The purpose'),
        hint: L('Ví dụ: bổ sung hồ sơ vay vốn ngân hàng, làm thủ tục mua bán nhà đất.', 'E.g. a bank loan application, a property sale.'),
        required: true,
        maxLength: 250,
        showIf: { field: 'purpose', equals: 'OTHER' },
        page: 'purpose',
      },
    ],
  },
  components: [
    ID_CARD_FROM_PROFILE,
    RESIDENCE_FROM_PROFILE,
    {
      code: 'CHAMDUT_HN',
      name: L('Giấy tờ chứng minh hôn nhân trước đã chấm dứt', 'Proof that an earlier marriage has ended'),
      required: false,
      accept: SCANS,
      maxBytes: 10 * MiB,
      hint: L(
        'Khi đã ly hôn hoặc vợ, chồng đã chết: bản án, quyết định ly hôn hoặc trích lục khai tử (nếu chưa có trong Cơ sở dữ liệu hộ tịch).',
        "When divorced or widowed: the divorce judgment or decision, or the spouse's death extract (unless already in the civil status database).",
      ),
    },
    {
      code: 'XNTTHN_CU',
      name: L('Giấy xác nhận tình trạng hôn nhân đã được cấp trước đây', 'Certificate of marital status issued earlier'),
      required: false,
      accept: SCANS,
      maxBytes: 10 * MiB,
      hint: L(
        'Khi xin cấp lại để dùng vào mục đích khác hoặc vì giấy cũ đã hết hạn: nộp lại giấy đã được cấp.',
        'When asking again for another purpose or because the old one expired: hand back the certificate issued before.',
      ),
    },
  ],
  workflow: standardWorkflow(
    L('Công chức Tư pháp – Hộ tịch kiểm tra, xác minh tình trạng hôn nhân', 'Civil status officer checks and verifies the marital status'),
    L('Lãnh đạo Ủy ban nhân dân cấp xã ký Giấy xác nhận', "A leader of the commune People's Committee signs the certificate"),
  ),
  resultTemplate: {
    title: L('Giấy xác nhận tình trạng hôn nhân', 'Certificate of marital status'),
    body: `GIẤY XÁC NHẬN TÌNH TRẠNG HÔN NHÂN

Họ, chữ đệm, tên: {{formData.fullName}}
Ngày, tháng, năm sinh: {{formData.birthDate}}
Giới tính: {{formData.sex}}
{{#if formData.personEthnicity}}Dân tộc: {{formData.personEthnicity}}
{{/if}}Quốc tịch: {{#if formData.personNationalityOther}}{{formData.personNationalityOther}}{{else}}{{formData.personNationality}}{{/if}}
Giấy tờ tùy thân: {{#if formData.personCitizenId}}Số định danh cá nhân {{formData.personCitizenId}}{{else}}Hộ chiếu số {{formData.personPassport}}{{/if}}
Nơi cư trú: {{formData.residence}}

Tình trạng hôn nhân: {{#if formData.spouseName}}Hiện đang có vợ/chồng là {{formData.spouseName}}.{{else}}{{#if formData.divorceRef}}Đã đăng ký kết hôn với {{formData.formerSpouseName}}, nhưng đã ly hôn theo {{formData.divorceRef}}; hiện tại chưa đăng ký kết hôn với ai.{{else}}{{#if formData.deathRef}}Đã đăng ký kết hôn với {{formData.formerSpouseName}}, người này đã chết ({{formData.deathRef}}); hiện tại chưa đăng ký kết hôn với ai.{{else}}Chưa đăng ký kết hôn với ai.{{/if}}{{/if}}{{/if}}

{{#if formData.intendedSpouseName}}Giấy này được cấp để làm thủ tục đăng ký kết hôn với {{formData.intendedSpouseName}}, sinh ngày {{formData.intendedSpouseBirthDate}}, quốc tịch {{#if formData.intendedSpouseNationalityOther}}{{formData.intendedSpouseNationalityOther}}{{else}}{{formData.intendedSpouseNationality}}{{/if}}, tại {{formData.marriagePlace}}.{{else}}Giấy này được cấp để sử dụng vào việc: {{formData.otherPurpose}}.{{/if}}
Giấy này có giá trị sử dụng trong thời hạn 06 tháng kể từ ngày cấp.`,
  },
  supplementPolicy: 'RESTART',
  supplementDeadlineDays: SUPPLEMENT_DAYS,
};

// ===========================================================================
// 2.000635 — Cấp bản sao trích lục hộ tịch (copy of a civil-status extract)
// ---------------------------------------------------------------------------
// Sources: Luật Hộ tịch Điều 63–64 (anyone may ask for a copy of the extract
// of their own registered events, wherever they live); Nghị định 123/2015;
// Thông tư 04/2020; Thông tư 281/2016/TT-BTC (fee for using data of the civil
// status database: 8,000 VND per copy). National code 2.000635 (fairly sure).
// Time: same day, after 15:00 → next working day.
// Fee: 8,000 VND for one copy (the demo files one copy per dossier; the
// portal's fee is a fixed amount, not per copy). No exemption is listed in
// Thông tư 281/2016 as far as I recall.
// Service level: full online (electronic copy of the extract).
// ===========================================================================
const SUBJECT: Whose = { vi: 'của người có sự kiện hộ tịch', en: "The person's" };

const civilExtractCopy: ProcedureDefinition = {
  name: L('Cấp bản sao trích lục hộ tịch', 'Issuance of a copy of a civil-status extract'),
  sector: 'Hộ tịch',
  level: 'COMMUNE',
  agencyCodes: DEMO_COMMUNES,
  legalBasis: [
    ...LEGAL_CIVIL_STATUS,
    'Thông tư số 281/2016/TT-BTC của Bộ trưởng Bộ Tài chính quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí khai thác, sử dụng thông tin trong cơ sở dữ liệu hộ tịch, phí xác nhận có quốc tịch Việt Nam, phí xác nhận là người gốc Việt Nam, lệ phí quốc tịch',
  ],
  description: L(
    'Cá nhân, không phụ thuộc nơi cư trú, được yêu cầu cấp bản sao trích lục về sự kiện hộ tịch của mình đã được đăng ký (khai sinh, kết hôn, khai tử, nhận cha, mẹ, con, thay đổi, cải chính hộ tịch…). Bản sao trích lục có giá trị sử dụng thay cho bản chính. Giải quyết ngay trong ngày; hồ sơ nhận sau 15 giờ được trả trong ngày làm việc tiếp theo. Phí: 8.000 đồng/bản sao.',
    'Anyone, wherever they live, may ask for a copy of the extract of a civil status event of their own that has been registered (birth, marriage, death, parentage, change or correction…). The copy may be used in place of the original. Same day (next working day for requests received after 15:00). Fee: 8,000 VND per copy.',
  ),
  processingTime: { workingDays: 0.5 },
  sameDayCutoff: '15:00',
  serviceLevel: 'FULL',
  fee: {
    amount: 8000,
    currency: 'VND',
    payWhen: 'ON_SUBMIT',
    name: L(
      'Phí khai thác, sử dụng thông tin trong cơ sở dữ liệu hộ tịch (01 bản sao trích lục)',
      'Fee for using civil status data (one copy of an extract)',
    ),
  },
  form: {
    fields: [
      {
        key: 'eventType',
        type: 'select',
        label: L('Loại sự kiện hộ tịch cần cấp bản sao trích lục', 'Civil status event'),
        required: true,
        options: [
          { value: 'BIRTH', label: L('Khai sinh', 'Birth') },
          { value: 'MARRIAGE', label: L('Kết hôn', 'Marriage') },
          { value: 'DEATH', label: L('Khai tử', 'Death') },
          { value: 'PARENTAGE', label: L('Nhận cha, mẹ, con', 'Acknowledgement of parentage') },
          { value: 'GUARDIANSHIP', label: L('Giám hộ', 'Guardianship') },
          {
            value: 'CHANGE',
            label: L('Thay đổi, cải chính, bổ sung thông tin hộ tịch', 'Change, correction or completion of civil status data'),
          },
        ],
      },
      nameField('subjectName', L('Họ, chữ đệm và tên của người có sự kiện hộ tịch', 'Full name of the person the event concerns')),
      birthDateField('subjectBirthDate', SUBJECT),
      {
        key: 'subjectCitizenId',
        type: 'citizenId',
        label: L('Số định danh cá nhân của người có sự kiện hộ tịch', "The person's personal identification number"),
        hint: L('Nếu có; giúp tra cứu nhanh hơn.', 'If any; it speeds up the search.'),
      },
      {
        key: 'spouseName',
        type: 'text',
        label: L('Họ, chữ đệm và tên của bên kia (vợ hoặc chồng)', 'Full name of the other spouse'),
        required: true,
        maxLength: 100,
        showIf: { field: 'eventType', equals: 'MARRIAGE' },
      },
      {
        key: 'registrationAuthority',
        type: 'text',
        label: L('Cơ quan đã đăng ký', 'Registering authority'),
        hint: L(
          'Ví dụ: Ủy ban nhân dân xã An Phú, tỉnh Minh Hà. Việc đăng ký trước ngày 01/7/2025 tại cấp huyện thì ghi tên cơ quan khi đăng ký.',
          "E.g. People's Committee of An Phú commune, Minh Hà province. For a registration made at district level before 1 July 2025, give the authority's name at the time.",
        ),
        required: true,
        maxLength: 250,
      },
      {
        key: 'registrationDate',
        type: 'date',
        label: L('Ngày đăng ký', 'Date of registration'),
        hint: L('Nếu biết.', 'If known.'),
        max: 'today',
      },
      {
        key: 'registrationNumber',
        type: 'text',
        label: L('Số đăng ký, quyển số', 'Registration and book number'),
        hint: L('Nếu biết, ví dụ: Số 125, Quyển số 01/2024.', 'If known, e.g. No. 125, Book 01/2024.'),
        maxLength: 60,
      },
      {
        key: 'requesterRelation',
        type: 'radio',
        label: L('Người yêu cầu là', 'You are'),
        required: true,
        options: [
          { value: 'SELF', label: L('Chính người có sự kiện hộ tịch', 'The person concerned') },
          { value: 'RELATIVE', label: L('Cha, mẹ, vợ, chồng, con hoặc người thân thích', 'A parent, spouse, child or relative') },
          { value: 'AUTHORISED', label: L('Người được ủy quyền', 'An authorised agent') },
        ],
      },
      {
        key: 'purpose',
        type: 'text',
        label: L('Mục đích sử dụng', 'Purpose'),
        hint: L('Không bắt buộc.', 'Optional.'),
        maxLength: 250,
      },
    ],
  },
  components: [ID_CARD_FROM_PROFILE, authorisationComponent(AUTHORISATION_HINT)],
  workflow: standardWorkflow(
    L(
      'Công chức Tư pháp – Hộ tịch tra cứu Sổ hộ tịch, Cơ sở dữ liệu hộ tịch',
      'Civil status officer searches the registers and the database',
    ),
    L('Lãnh đạo Ủy ban nhân dân cấp xã ký bản sao trích lục', "A leader of the commune People's Committee signs the copy"),
  ),
  resultTemplate: {
    title: L('Bản sao trích lục hộ tịch', 'Copy of a civil-status extract'),
    body: `BẢN SAO TRÍCH LỤC HỘ TỊCH

Cấp theo yêu cầu đối với sự kiện hộ tịch của: {{formData.subjectName}}, sinh ngày {{formData.subjectBirthDate}}{{#if formData.spouseName}}, và {{formData.spouseName}}{{/if}}
Cơ quan đã đăng ký: {{formData.registrationAuthority}}{{#if formData.registrationNumber}} — {{formData.registrationNumber}}{{/if}}{{#if formData.registrationDate}}, ngày {{formData.registrationDate}}{{/if}}

Nội dung trích lục được sao đúng từ Sổ hộ tịch, Cơ sở dữ liệu hộ tịch điện tử. Bản sao trích lục có giá trị sử dụng thay cho bản chính.`,
  },
  supplementPolicy: 'RESTART',
  supplementDeadlineDays: SUPPLEMENT_DAYS,
};

// ===========================================================================
// 1.001022 — Đăng ký nhận cha, mẹ, con (acknowledgement of parentage)
// ---------------------------------------------------------------------------
// Sources: Luật Hôn nhân và gia đình 2014 Điều 88–102 (determining parentage);
// Luật Hộ tịch Điều 24–25 (both parties present; 3 working days, plus at
// most 5 working days when verification is needed); Thông tư 04/2020 Điều 14
// (evidence: a DNA or medical finding, or a sworn statement with at least
// two witnesses). National code 1.001022 (fairly sure).
// Fee: a civil-status charge set by the provincial People's Council (not in
// the exemption list of Luật Hộ tịch Điều 11.1.b). Demo amount: 15,000 VND —
// an assumption; exempt for families with meritorious services, poor
// households and people with disabilities (Điều 11.1.a).
// Service level: partial (both parties must come in person).
// ===========================================================================
const PARENT: Whose = { vi: 'của cha hoặc mẹ', en: "Parent's" };
const CHILD_P: Whose = { vi: 'của con', en: "Child's" };

const parentageRecognition: ProcedureDefinition = {
  name: L('Đăng ký nhận cha, mẹ, con', 'Registration of the acknowledgement of a father, mother or child'),
  sector: 'Hộ tịch',
  level: 'COMMUNE',
  agencyCodes: DEMO_COMMUNES,
  legalBasis: ['Luật Hôn nhân và gia đình số 52/2014/QH13 ngày 19/6/2014', ...LEGAL_CIVIL_STATUS],
  description: L(
    'Người nhận cha, mẹ, con nộp tờ khai và chứng cứ chứng minh quan hệ cha, con hoặc mẹ, con tại Ủy ban nhân dân cấp xã nơi cư trú của người nhận hoặc người được nhận. Khi đăng ký, các bên phải có mặt. Thời hạn: 03 ngày làm việc (thêm không quá 05 ngày làm việc nếu cần xác minh).',
    "The person acknowledging a father, mother or child files the declaration and the evidence of the relationship with the People's Committee of the commune where either party resides. All parties must be present at the registration. Processing time: 3 working days (plus at most 5 when verification is needed).",
  ),
  processingTime: { workingDays: 3 },
  serviceLevel: 'PARTIAL',
  fee: {
    amount: 15000,
    currency: 'VND',
    payWhen: 'ON_SUBMIT',
    name: L('Lệ phí đăng ký nhận cha, mẹ, con', 'Charge for registering the acknowledgement of parentage'),
    exemptions: CIVIL_STATUS_FEE_EXEMPTIONS,
  },
  form: {
    pages: [
      { key: 'parent', title: L('Cha hoặc mẹ', 'The father or mother') },
      { key: 'child', title: L('Người con', 'The child') },
    ],
    fields: [
      {
        key: 'recognitionType',
        type: 'radio',
        label: L('Việc đăng ký', 'Registration of'),
        required: true,
        page: 'parent',
        options: [
          { value: 'FATHER_ACKNOWLEDGES_CHILD', label: L('Cha nhận con', 'A father acknowledging his child') },
          { value: 'MOTHER_ACKNOWLEDGES_CHILD', label: L('Mẹ nhận con', 'A mother acknowledging her child') },
          { value: 'CHILD_ACKNOWLEDGES_FATHER', label: L('Con nhận cha', 'A child acknowledging the father') },
          { value: 'CHILD_ACKNOWLEDGES_MOTHER', label: L('Con nhận mẹ', 'A child acknowledging the mother') },
        ],
      },
      nameField('parentName', L('Họ, chữ đệm và tên của cha hoặc mẹ', "Father's or mother's full name"), 'parent'),
      birthDateField('parentBirthDate', PARENT, 'parent'),
      ...nationalityEthnicityAndId('parent', PARENT, 'parent'),
      residenceField('parentResidence', PARENT, 'parent'),

      nameField('childName', L('Họ, chữ đệm và tên của con', "Child's full name"), 'child'),
      birthDateField('childBirthDate', CHILD_P, 'child'),
      {
        key: 'childCitizenId',
        type: 'citizenId',
        label: L('Số định danh cá nhân của con', "Child's personal identification number"),
        hint: L('Ghi trên Giấy khai sinh hoặc thẻ Căn cước của con.', "On the child's birth certificate or ID card."),
        required: true,
        page: 'child',
      },
      residenceField('childResidence', CHILD_P, 'child'),
      {
        key: 'childBirthRegisteredAt',
        type: 'text',
        label: L('Nơi đã đăng ký khai sinh của con', "Where the child's birth was registered"),
        hint: L('Ví dụ: Ủy ban nhân dân xã Tân Lập, tỉnh Minh Hà.', "E.g. People's Committee of Tân Lập commune, Minh Hà province."),
        required: true,
        maxLength: 250,
        page: 'child',
      },
      {
        key: 'declaration',
        type: 'checkbox',
        label: L(
          'Tôi cam đoan việc nhận cha, mẹ, con là đúng sự thật, tự nguyện, không có tranh chấp và chịu trách nhiệm trước pháp luật về cam đoan của mình.',
          'I declare that the acknowledgement is true, voluntary and undisputed, and I am answerable before the law for this declaration.',
        ),
        required: true,
        page: 'child',
      },
    ],
  },
  components: [
    {
      code: 'CHUNGCU',
      name: L('Chứng cứ chứng minh quan hệ cha, con hoặc mẹ, con', 'Evidence of the parent–child relationship'),
      required: true,
      accept: SCANS,
      maxBytes: 10 * MiB,
      hint: L(
        'Văn bản của cơ quan y tế, cơ quan giám định hoặc cơ quan có thẩm quyền xác nhận quan hệ cha, con hoặc mẹ, con (ví dụ kết quả giám định ADN). Nếu không có: văn bản cam đoan của cha, mẹ về quan hệ cha, mẹ, con, có ít nhất hai người làm chứng.',
        'A finding of a medical or forensic body or other competent authority (e.g. a DNA test). Without one: a sworn statement of the parents, with at least two witnesses.',
      ),
    },
    {
      code: 'GKS',
      name: L('Giấy khai sinh của người con', "Child's birth certificate"),
      required: false,
      accept: SCANS,
      maxBytes: 10 * MiB,
      satisfiedBy: { resultOf: CODE.BIRTH },
      hint: L(
        'Không phải tải lên nếu việc khai sinh đã được đăng ký qua Cổng này hoặc có trong Cơ sở dữ liệu hộ tịch điện tử.',
        'No upload needed if the birth was registered through this portal or is in the electronic civil status database.',
      ),
    },
    ID_CARD_FROM_PROFILE,
  ],
  workflow: standardWorkflow(
    L('Công chức Tư pháp – Hộ tịch kiểm tra chứng cứ, xác minh khi cần', 'Civil status officer checks the evidence, verifies if needed'),
    L('Lãnh đạo Ủy ban nhân dân cấp xã ký Trích lục', "A leader of the commune People's Committee signs the extract"),
  ),
  resultTemplate: {
    title: L('Trích lục đăng ký nhận cha, mẹ, con', 'Extract of the registration of parentage'),
    body: `TRÍCH LỤC ĐĂNG KÝ NHẬN CHA, MẸ, CON

Người cha/mẹ: {{formData.parentName}}
Ngày, tháng, năm sinh: {{formData.parentBirthDate}}
{{#if formData.parentEthnicity}}Dân tộc: {{formData.parentEthnicity}}
{{/if}}Quốc tịch: {{#if formData.parentNationalityOther}}{{formData.parentNationalityOther}}{{else}}{{formData.parentNationality}}{{/if}}
Nơi cư trú: {{formData.parentResidence}}

Người con: {{formData.childName}}
Ngày, tháng, năm sinh: {{formData.childBirthDate}}
Số định danh cá nhân: {{formData.childCitizenId}}
Nơi cư trú: {{formData.childResidence}}
Nơi đăng ký khai sinh: {{formData.childBirthRegisteredAt}}

Đã đăng ký việc nhận cha, mẹ, con giữa những người có tên trên.`,
  },
  supplementPolicy: 'RESTART',
  supplementDeadlineDays: SUPPLEMENT_DAYS,
};

export const CIVIL_STATUS_PROCEDURES: { code: string; definition: ProcedureDefinition }[] = [
  { code: CODE.BIRTH, definition: birthRegistration },
  { code: CODE.MARRIAGE, definition: marriageRegistration },
  { code: CODE.DEATH, definition: deathRegistration },
  { code: CODE.MARITAL_STATUS, definition: maritalStatusCertificate },
  { code: CODE.CIVIL_EXTRACT_COPY, definition: civilExtractCopy },
  { code: CODE.PARENTAGE, definition: parentageRecognition },
];
