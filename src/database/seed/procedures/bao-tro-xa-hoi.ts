/**
 * Sector "Bảo trợ xã hội" (social protection), served by the communes.
 * Since 1 March 2025 the sector belongs to the Ministry of Health (formerly
 * the Ministry of Labour, Invalids and Social Affairs); the circulars below
 * still carry the old ministry's code (BLĐTBXH).
 */
import type { ProcedureDefinition } from '../../../procedures/forms/definition.js';
import { CODE } from './codes.js';
import {
  DEMO_COMMUNES,
  ETHNICITY_OPTIONS,
  ID_CARD_FROM_PROFILE,
  L,
  MiB,
  RESIDENCE_FROM_PROFILE,
  SCANS,
  SUPPLEMENT_DAYS,
  birthDateField,
  nameField,
  sexField,
  type Whose,
} from './common.js';

const PERSON: Whose = { vi: 'của người khuyết tật', en: "Person's" };
const BENEFICIARY: Whose = { vi: 'của đối tượng', en: "Beneficiary's" };

// ===========================================================================
// 1.001699 — Xác định, xác định lại mức độ khuyết tật và cấp Giấy xác nhận
// khuyết tật (disability assessment and disability certificate)
// ---------------------------------------------------------------------------
// Sources: Luật Người khuyết tật số 51/2010/QH12 (Điều 3 kinds of disability;
// Điều 15–19 assessment by the commune's council); Nghị định 28/2012/NĐ-CP;
// Thông tư 01/2019/TT-BLĐTBXH (assessment by the council: within 20 working
// days of a complete dossier; then within 5 working days the chairperson of
// the commune posts the conclusion and issues the certificate).
// Time: 25 working days (20 + 5). National code 1.001699 — from memory,
// moderately sure. Fee: none. Service level: partial (the person is assessed
// in person by the council).
// ===========================================================================
const disabilityCertificate: ProcedureDefinition = {
  name: L(
    'Xác định, xác định lại mức độ khuyết tật và cấp Giấy xác nhận khuyết tật',
    'Determination or re-determination of the degree of disability and issuance of a disability certificate',
  ),
  sector: 'Bảo trợ xã hội',
  level: 'COMMUNE',
  agencyCodes: DEMO_COMMUNES,
  legalBasis: [
    'Luật Người khuyết tật số 51/2010/QH12 ngày 17/6/2010',
    'Nghị định số 28/2012/NĐ-CP ngày 10/4/2012 của Chính phủ quy định chi tiết và hướng dẫn thi hành một số điều của Luật Người khuyết tật',
    'Thông tư số 01/2019/TT-BLĐTBXH ngày 02/01/2019 của Bộ trưởng Bộ Lao động – Thương binh và Xã hội quy định về việc xác định mức độ khuyết tật do Hội đồng xác định mức độ khuyết tật thực hiện',
  ],
  description: L(
    'Người khuyết tật hoặc người đại diện hợp pháp nộp đơn tại Ủy ban nhân dân cấp xã nơi cư trú. Hội đồng xác định mức độ khuyết tật cấp xã quan sát trực tiếp và dùng bộ câu hỏi để kết luận dạng tật và mức độ khuyết tật (đặc biệt nặng, nặng, nhẹ) trong 20 ngày làm việc; sau đó trong 05 ngày làm việc, Ủy ban nhân dân cấp xã niêm yết kết luận và cấp Giấy xác nhận khuyết tật. Không thu phí.',
    "A person with a disability or their legal representative applies to the People's Committee of the commune of residence. The commune's disability assessment council observes the person directly and uses the standard questionnaire to conclude on the kind and degree of disability (very severe, severe, mild) within 20 working days; within 5 more working days the commune posts the conclusion and issues the disability certificate. Free of charge.",
  ),
  processingTime: { workingDays: 25 },
  serviceLevel: 'PARTIAL',
  fee: { amount: 0, currency: 'VND', payWhen: 'ON_SUBMIT' },
  form: {
    fields: [
      {
        key: 'requestKind',
        type: 'radio',
        label: L('Đề nghị', 'Request'),
        required: true,
        options: [
          { value: 'FIRST', label: L('Xác định mức độ khuyết tật lần đầu', 'First assessment') },
          { value: 'REDETERMINE', label: L('Xác định lại mức độ khuyết tật', 'Re-assessment') },
        ],
      },
      {
        key: 'redetermineReason',
        type: 'textarea',
        label: L('Lý do đề nghị xác định lại', 'Reason for the re-assessment'),
        hint: L(
          'Ví dụ: tình trạng khuyết tật thay đổi; trẻ em khuyết tật đủ 6 tuổi.',
          'E.g. the disability has changed; a disabled child has turned 6.',
        ),
        required: true,
        maxLength: 1000,
        showIf: { field: 'requestKind', equals: 'REDETERMINE' },
      },
      nameField('personName', L('Họ, chữ đệm và tên người khuyết tật', 'Full name of the person with a disability')),
      birthDateField('personBirthDate', PERSON),
      sexField('personSex', PERSON),
      {
        key: 'personCitizenId',
        type: 'citizenId',
        label: L('Số định danh cá nhân của người khuyết tật', "Person's personal identification number"),
        required: true,
      },
      {
        key: 'personResidence',
        type: 'address',
        label: L('Nơi cư trú của người khuyết tật', "Person's place of residence"),
        required: true,
      },
      {
        key: 'filedByRepresentative',
        type: 'checkbox',
        label: L('Người đại diện hợp pháp nộp đơn thay', 'Filed by a legal representative'),
        hint: L('Ví dụ: cha, mẹ nộp cho con là trẻ em; người giám hộ.', 'E.g. a parent for a child; a guardian.'),
      },
      {
        key: 'representativeName',
        type: 'text',
        label: L('Họ, chữ đệm và tên người đại diện', "Representative's full name"),
        required: true,
        maxLength: 100,
        showIf: { field: 'filedByRepresentative', equals: true },
      },
      {
        key: 'representativeRelation',
        type: 'select',
        label: L('Quan hệ với người khuyết tật', 'Relationship to the person'),
        required: true,
        showIf: { field: 'filedByRepresentative', equals: true },
        options: [
          { value: 'PARENT', label: L('Cha hoặc mẹ', 'Parent') },
          { value: 'SPOUSE', label: L('Vợ hoặc chồng', 'Spouse') },
          { value: 'CHILD', label: L('Con', 'Child') },
          { value: 'GUARDIAN', label: L('Người giám hộ', 'Guardian') },
          { value: 'OTHER', label: L('Người đại diện khác theo pháp luật', 'Other legal representative') },
        ],
      },
      {
        key: 'contactPhone',
        type: 'phone',
        label: L('Số điện thoại liên hệ', 'Contact phone number'),
        hint: L(
          'Hội đồng sẽ hẹn thời gian, địa điểm xác định mức độ khuyết tật.',
          'The council will arrange the time and place of the assessment.',
        ),
        required: true,
      },
      {
        key: 'disabilityKinds',
        type: 'checkbox',
        label: L('Dạng khuyết tật', 'Kind of disability'),
        hint: L('Có thể chọn nhiều dạng.', 'You may tick several.'),
        required: true,
        options: [
          { value: 'MOBILITY', label: L('Khuyết tật vận động', 'Physical (mobility)') },
          { value: 'HEARING_SPEECH', label: L('Khuyết tật nghe, nói', 'Hearing or speech') },
          { value: 'VISION', label: L('Khuyết tật nhìn', 'Vision') },
          { value: 'MENTAL', label: L('Khuyết tật thần kinh, tâm thần', 'Neurological or psychosocial') },
          { value: 'INTELLECTUAL', label: L('Khuyết tật trí tuệ', 'Intellectual') },
          { value: 'OTHER', label: L('Khuyết tật khác', 'Other') },
        ],
      },
      {
        key: 'conditionDescription',
        type: 'textarea',
        label: L('Mô tả tình trạng khuyết tật và khả năng tự phục vụ', 'The condition and ability to look after oneself'),
        required: true,
        maxLength: 2000,
      },
      {
        key: 'hasMedicalConclusion',
        type: 'checkbox',
        label: L(
          'Đã có kết luận của Hội đồng Giám định y khoa về khả năng tự phục vụ, mức độ suy giảm khả năng lao động',
          'Already has a medical examination board conclusion',
        ),
      },
      {
        key: 'medicalConclusionRef',
        type: 'text',
        label: L('Số, ngày của biên bản giám định y khoa', 'Number and date of the medical conclusion'),
        required: true,
        maxLength: 200,
        showIf: { field: 'hasMedicalConclusion', equals: true },
      },
    ],
  },
  components: [
    ID_CARD_FROM_PROFILE,
    {
      code: 'HOSO_YTE',
      name: L('Giấy tờ liên quan đến tình trạng khuyết tật', 'Medical papers about the disability'),
      required: false,
      accept: SCANS,
      maxBytes: 20 * MiB,
      hint: L(
        'Nếu có: bệnh án, giấy ra viện, giấy tờ khám, điều trị, phẫu thuật hoặc giấy tờ liên quan khác.',
        'If any: medical records, discharge papers, examination, treatment or surgery papers.',
      ),
    },
    {
      code: 'KL_GDYK',
      name: L('Biên bản kết luận của Hội đồng Giám định y khoa', 'Conclusion of the medical examination board'),
      required: false,
      accept: SCANS,
      maxBytes: 10 * MiB,
      hint: L('Khi đã có kết luận giám định y khoa.', 'When there is one.'),
    },
    {
      code: 'GXNKT_CU',
      name: L('Giấy xác nhận khuyết tật đã được cấp', 'Disability certificate issued earlier'),
      required: false,
      accept: SCANS,
      maxBytes: 10 * MiB,
      satisfiedBy: { resultOf: CODE.DISABILITY_CERTIFICATE },
      hint: L('Khi đề nghị xác định lại.', 'For a re-assessment.'),
    },
  ],
  workflow: {
    steps: [
      { key: 'reception', name: L('Tiếp nhận hồ sơ', 'Reception'), role: 'RECEPTIONIST', share: 0.0625 },
      {
        key: 'assessment',
        name: L(
          'Hội đồng xác định mức độ khuyết tật tổ chức xác định, lập biên bản',
          'The assessment council assesses the person and records its conclusion',
        ),
        role: 'SPECIALIST',
        share: 0.75,
      },
      {
        key: 'posting',
        name: L('Niêm yết, thông báo công khai kết luận', 'Public posting of the conclusion'),
        role: 'SPECIALIST',
        share: 0.0625,
      },
      {
        key: 'approval',
        name: L('Lãnh đạo Ủy ban nhân dân cấp xã ký Giấy xác nhận', "A leader of the commune People's Committee signs the certificate"),
        role: 'LEADER',
        share: 0.125,
      },
    ],
  },
  resultTemplate: {
    title: L('Giấy xác nhận khuyết tật', 'Disability certificate'),
    body: `GIẤY XÁC NHẬN KHUYẾT TẬT

Họ và tên: {{formData.personName}}
Ngày, tháng, năm sinh: {{formData.personBirthDate}} — Giới tính: {{formData.personSex}}
Số định danh cá nhân: {{formData.personCitizenId}}
Nơi cư trú: {{formData.personResidence}}

Dạng khuyết tật và mức độ khuyết tật: theo kết luận của Hội đồng xác định mức độ khuyết tật cấp xã, ghi tại phần kèm theo.`,
  },
  supplementPolicy: 'RESTART',
  supplementDeadlineDays: SUPPLEMENT_DAYS,
};

// ===========================================================================
// 1.001776 — Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hằng tháng, hỗ
// trợ kinh phí chăm sóc, nuôi dưỡng hằng tháng (monthly social allowance)
// ---------------------------------------------------------------------------
// Sources: Nghị định 20/2021/NĐ-CP (Điều 5 beneficiaries; Điều 6 the
// allowance = the social assistance standard × a coefficient; Điều 7 dossier;
// Điều 8 procedure: 7 working days of review at the commune, public posting,
// then — before 7/2025 — 7 days at the district labour office and 3 days for
// the district chairperson's decision; the allowance starts in the month of
// the decision); Nghị định 76/2024/NĐ-CP (standard raised to 500,000 VND
// from 1 July 2024, and other amendments); Thông tư 02/2021/TT-BLĐTBXH.
// Since 1 July 2025 the commune decides without the district step.
// Time: 12 working days — an estimate for the two-level flow (7 review +
// 2 posting + 3 decision); the province's republished time was not verified.
// From 1 July 2025 people aged 75+ without a pension receive the social
// pension ("trợ cấp hưu trí xã hội", Luật Bảo hiểm xã hội 2024) instead of
// the age-based allowance; the elderly option below covers the remaining
// cases (poor elderly without anyone to support them…).
// National code 1.001776 — from memory, moderately sure. Fee: none.
// Service level: partial.
// ===========================================================================
const socialAllowance: ProcedureDefinition = {
  name: L(
    'Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hằng tháng, hỗ trợ kinh phí chăm sóc, nuôi dưỡng hằng tháng',
    'Granting, adjusting or ending the monthly social allowance and the monthly care support',
  ),
  sector: 'Bảo trợ xã hội',
  level: 'COMMUNE',
  agencyCodes: DEMO_COMMUNES,
  legalBasis: [
    'Luật Người cao tuổi số 39/2009/QH12 ngày 23/11/2009',
    'Luật Người khuyết tật số 51/2010/QH12 ngày 17/6/2010',
    'Luật Trẻ em số 102/2016/QH13 ngày 05/4/2016',
    'Nghị định số 20/2021/NĐ-CP ngày 15/3/2021 của Chính phủ quy định chính sách trợ giúp xã hội đối với đối tượng bảo trợ xã hội',
    'Nghị định số 76/2024/NĐ-CP ngày 01/7/2024 của Chính phủ sửa đổi, bổ sung một số điều của Nghị định số 20/2021/NĐ-CP',
    'Thông tư số 02/2021/TT-BLĐTBXH ngày 24/6/2021 của Bộ trưởng Bộ Lao động – Thương binh và Xã hội hướng dẫn thực hiện một số điều của Nghị định số 20/2021/NĐ-CP',
  ],
  description: L(
    'Đối tượng bảo trợ xã hội (trẻ em không có nguồn nuôi dưỡng, người đơn thân nghèo đang nuôi con, người cao tuổi thuộc diện hưởng, người khuyết tật nặng và đặc biệt nặng, người nhiễm HIV/AIDS thuộc hộ nghèo…) hoặc người giám hộ nộp tờ khai tại Ủy ban nhân dân cấp xã nơi cư trú. Mức trợ cấp hằng tháng bằng mức chuẩn trợ giúp xã hội (500.000 đồng) nhân với hệ số tương ứng; được hưởng kể từ tháng có quyết định. Thủ tục này cũng dùng để điều chỉnh mức hưởng hoặc thôi hưởng. Không thu phí.',
    "Social protection beneficiaries (children without anyone to support them, poor single parents raising children, eligible elderly people, people with severe or very severe disabilities, people with HIV/AIDS in poor households…) or their guardians file the declaration with the People's Committee of the commune of residence. The monthly allowance is the social assistance standard (500,000 VND) times the coefficient of the group, from the month of the decision. The same procedure adjusts or ends the allowance. Free of charge.",
  ),
  processingTime: { workingDays: 12 },
  serviceLevel: 'PARTIAL',
  fee: { amount: 0, currency: 'VND', payWhen: 'ON_SUBMIT' },
  form: {
    pages: [
      { key: 'beneficiary', title: L('Đối tượng đề nghị', 'The beneficiary') },
      { key: 'support', title: L('Hoàn cảnh và hình thức nhận trợ cấp', 'Circumstances and payment') },
    ],
    fields: [
      {
        key: 'requestKind',
        type: 'radio',
        label: L('Đề nghị', 'Request'),
        required: true,
        page: 'beneficiary',
        options: [
          { value: 'NEW', label: L('Hưởng trợ cấp xã hội hằng tháng', 'Receive the monthly allowance') },
          { value: 'ADJUST', label: L('Điều chỉnh mức trợ cấp', 'Adjust the allowance') },
          { value: 'STOP', label: L('Thôi hưởng trợ cấp', 'Stop the allowance') },
        ],
      },
      {
        key: 'currentDecisionNo',
        type: 'text',
        label: L('Số, ngày quyết định trợ cấp đang hưởng', 'Number and date of the current allowance decision'),
        required: true,
        maxLength: 100,
        showIf: { field: 'requestKind', in: ['ADJUST', 'STOP'] },
        page: 'beneficiary',
      },
      {
        key: 'applicantRole',
        type: 'radio',
        label: L('Người khai', 'Declared by'),
        required: true,
        page: 'beneficiary',
        options: [
          { value: 'SELF', label: L('Chính đối tượng', 'The beneficiary') },
          { value: 'REPRESENTATIVE', label: L('Người giám hộ, người thân hoặc người đang nuôi dưỡng', 'A guardian, relative or carer') },
        ],
      },
      nameField('beneficiaryName', L('Họ, chữ đệm và tên đối tượng', "Beneficiary's full name"), 'beneficiary'),
      birthDateField('beneficiaryBirthDate', BENEFICIARY, 'beneficiary'),
      sexField('beneficiarySex', BENEFICIARY, 'beneficiary'),
      {
        key: 'beneficiaryEthnicity',
        type: 'select',
        label: L('Dân tộc của đối tượng', "Beneficiary's ethnic group"),
        required: true,
        options: ETHNICITY_OPTIONS,
        page: 'beneficiary',
      },
      {
        key: 'beneficiaryCitizenId',
        type: 'citizenId',
        label: L('Số định danh cá nhân của đối tượng', "Beneficiary's personal identification number"),
        required: true,
        page: 'beneficiary',
      },
      {
        key: 'beneficiaryResidence',
        type: 'address',
        label: L('Nơi cư trú của đối tượng', "Beneficiary's place of residence"),
        required: true,
        page: 'beneficiary',
      },

      {
        key: 'category',
        type: 'select',
        label: L('Nhóm đối tượng', 'Beneficiary group'),
        required: true,
        showIf: { field: 'requestKind', in: ['NEW', 'ADJUST'] },
        page: 'support',
        options: [
          {
            value: 'CHILD',
            label: L(
              'Trẻ em dưới 16 tuổi không có nguồn nuôi dưỡng (mồ côi cả cha và mẹ, bị bỏ rơi…)',
              'Child under 16 with no one to support them (orphaned, abandoned…)',
            ),
          },
          {
            value: 'YOUTH',
            label: L(
              'Người từ đủ 16 tuổi đến 22 tuổi đang đi học, trước đó là trẻ em không có nguồn nuôi dưỡng',
              'Aged 16 to 22, in education, formerly a child with no one to support them',
            ),
          },
          {
            value: 'SINGLE_PARENT',
            label: L('Người thuộc hộ nghèo không có chồng hoặc không có vợ, đang nuôi con', 'Poor single parent raising children'),
          },
          {
            value: 'ELDERLY',
            label: L(
              'Người cao tuổi thuộc diện hưởng trợ cấp (hộ nghèo, không có người có nghĩa vụ và quyền phụng dưỡng…)',
              'Eligible elderly person (poor household, no one obliged to support them…)',
            ),
          },
          {
            value: 'DISABLED',
            label: L('Người khuyết tật nặng hoặc khuyết tật đặc biệt nặng', 'Person with a severe or very severe disability'),
          },
          {
            value: 'CHILD_UNDER_36_MONTHS',
            label: L('Trẻ em dưới 36 tháng tuổi thuộc hộ nghèo, hộ cận nghèo', 'Child under 36 months in a poor or near-poor household'),
          },
          { value: 'HIV', label: L('Người nhiễm HIV/AIDS thuộc hộ nghèo', 'Person with HIV/AIDS in a poor household') },
        ],
      },
      {
        key: 'disabilityLevel',
        type: 'radio',
        label: L('Mức độ khuyết tật', 'Degree of disability'),
        required: true,
        showIf: { field: 'category', equals: 'DISABLED' },
        page: 'support',
        options: [
          { value: 'SEVERE', label: L('Khuyết tật nặng', 'Severe') },
          { value: 'VERY_SEVERE', label: L('Khuyết tật đặc biệt nặng', 'Very severe') },
        ],
      },
      {
        key: 'childrenCount',
        type: 'number',
        label: L('Số con đang nuôi', 'Number of children being raised'),
        required: true,
        min: 1,
        max: 20,
        showIf: { field: 'category', equals: 'SINGLE_PARENT' },
        page: 'support',
      },
      {
        key: 'schoolName',
        type: 'text',
        label: L('Cơ sở giáo dục, giáo dục nghề nghiệp đang theo học', 'School or vocational institution attended'),
        required: true,
        maxLength: 200,
        showIf: { field: 'category', equals: 'YOUTH' },
        page: 'support',
      },
      {
        key: 'representativeName',
        type: 'text',
        label: L('Họ, chữ đệm và tên người giám hộ hoặc người đang nuôi dưỡng', "Guardian's or carer's full name"),
        required: true,
        maxLength: 100,
        showIf: {
          any: [
            { field: 'applicantRole', equals: 'REPRESENTATIVE' },
            { field: 'category', in: ['CHILD', 'CHILD_UNDER_36_MONTHS'] },
          ],
        },
        page: 'support',
      },
      {
        key: 'representativePhone',
        type: 'phone',
        label: L('Số điện thoại của người giám hộ hoặc người đang nuôi dưỡng', "Guardian's or carer's phone"),
        required: true,
        showIf: { field: 'representativeName', notEmpty: true },
        page: 'support',
      },
      {
        key: 'receivesOtherBenefit',
        type: 'checkbox',
        label: L(
          'Đang hưởng lương hưu, trợ cấp bảo hiểm xã hội hoặc chế độ ưu đãi, trợ cấp khác',
          'Currently receives a pension, social insurance or another allowance',
        ),
        showIf: { field: 'requestKind', in: ['NEW', 'ADJUST'] },
        page: 'support',
      },
      {
        key: 'otherBenefit',
        type: 'text',
        label: L('Tên chế độ và mức hưởng hằng tháng', 'Which benefit, and the monthly amount'),
        required: true,
        maxLength: 250,
        showIf: { field: 'receivesOtherBenefit', equals: true },
        page: 'support',
      },
      {
        key: 'changeReason',
        type: 'textarea',
        label: L('Lý do điều chỉnh hoặc thôi hưởng', 'Reason for the adjustment or the end'),
        hint: L(
          'Ví dụ: thay đổi mức độ khuyết tật; đối tượng đã chết; chuyển nơi cư trú.',
          'E.g. the degree of disability changed; the beneficiary died; moved away.',
        ),
        required: true,
        maxLength: 1000,
        showIf: { field: 'requestKind', in: ['ADJUST', 'STOP'] },
        page: 'support',
      },
      {
        key: 'paymentMethod',
        type: 'radio',
        label: L('Hình thức nhận trợ cấp', 'How to receive the allowance'),
        required: true,
        showIf: { field: 'requestKind', in: ['NEW', 'ADJUST'] },
        page: 'support',
        options: [
          { value: 'BANK', label: L('Chuyển khoản vào tài khoản ngân hàng của đối tượng', "Transfer to the beneficiary's bank account") },
          { value: 'CASH', label: L('Nhận tiền mặt tại điểm chi trả', 'Cash at the payment point') },
        ],
      },
      {
        key: 'bankName',
        type: 'text',
        label: L('Ngân hàng', 'Bank'),
        hint: L(
          'Ví dụ: Ngân hàng Nông nghiệp và Phát triển Nông thôn Việt Nam (Agribank), chi nhánh Minh Hà.',
          'E.g. Agribank, Minh Hà branch.',
        ),
        required: true,
        maxLength: 150,
        showIf: { field: 'paymentMethod', equals: 'BANK' },
        page: 'support',
      },
      {
        key: 'bankAccount',
        type: 'text',
        label: L('Số tài khoản', 'Account number'),
        required: true,
        pattern: '^[0-9]{6,20}$',
        patternMessage: L('Số tài khoản gồm từ 6 đến 20 chữ số.', 'An account number has 6 to 20 digits.'),
        showIf: { field: 'paymentMethod', equals: 'BANK' },
        page: 'support',
      },
    ],
  },
  components: [
    ID_CARD_FROM_PROFILE,
    RESIDENCE_FROM_PROFILE,
    {
      code: 'GXNKT',
      name: L('Giấy xác nhận khuyết tật', 'Disability certificate'),
      required: false,
      accept: SCANS,
      maxBytes: 10 * MiB,
      satisfiedBy: { resultOf: CODE.DISABILITY_CERTIFICATE },
      hint: L(
        'Đối với người khuyết tật. Không phải tải lên nếu giấy đã được cấp qua Cổng này.',
        'For a person with a disability. No upload needed if it was issued through this portal.',
      ),
    },
    {
      code: 'GKS',
      name: L('Giấy khai sinh của trẻ em', "Child's birth certificate"),
      required: false,
      accept: SCANS,
      maxBytes: 10 * MiB,
      satisfiedBy: { resultOf: CODE.BIRTH },
      hint: L(
        'Đối với trẻ em, người đơn thân nghèo đang nuôi con, người khuyết tật đang nuôi con. Không phải tải lên nếu việc khai sinh đã được đăng ký qua Cổng này.',
        'For a child, a poor single parent or a disabled parent raising children. No upload needed if the birth was registered through this portal.',
      ),
    },
    {
      code: 'XN_HIV',
      name: L('Giấy tờ xác nhận nhiễm HIV của cơ quan y tế có thẩm quyền', 'HIV confirmation by a competent health authority'),
      required: false,
      accept: SCANS,
      maxBytes: 10 * MiB,
      hint: L('Đối với người nhiễm HIV/AIDS.', 'For a person with HIV/AIDS.'),
    },
    {
      code: 'XN_HOCTAP',
      name: L('Giấy xác nhận đang đi học', 'Proof of enrolment'),
      required: false,
      accept: SCANS,
      maxBytes: 10 * MiB,
      hint: L('Đối với người từ đủ 16 tuổi đến 22 tuổi đang đi học.', 'For a person aged 16 to 22 in education.'),
    },
  ],
  workflow: {
    steps: [
      { key: 'reception', name: L('Tiếp nhận hồ sơ', 'Reception'), role: 'RECEPTIONIST', share: 0.125 },
      {
        key: 'review',
        name: L('Công chức văn hóa – xã hội rà soát, xác minh, đề xuất', 'The social affairs officer reviews, verifies and proposes'),
        role: 'SPECIALIST',
        share: 0.5,
      },
      {
        key: 'posting',
        name: L('Niêm yết công khai kết quả xét duyệt', 'Public posting of the review result'),
        role: 'SPECIALIST',
        share: 0.125,
      },
      {
        key: 'approval',
        name: L('Chủ tịch Ủy ban nhân dân cấp xã quyết định', 'The commune chairperson decides'),
        role: 'LEADER',
        share: 0.25,
      },
    ],
  },
  resultTemplate: {
    title: L('Quyết định về trợ cấp xã hội hằng tháng', 'Decision on the monthly social allowance'),
    body: `{{#if formData.currentDecisionNo}}{{#if formData.category}}QUYẾT ĐỊNH VỀ VIỆC ĐIỀU CHỈNH MỨC TRỢ CẤP XÃ HỘI HẰNG THÁNG{{else}}QUYẾT ĐỊNH VỀ VIỆC THÔI HƯỞNG TRỢ CẤP XÃ HỘI HẰNG THÁNG{{/if}}{{else}}QUYẾT ĐỊNH VỀ VIỆC TRỢ CẤP XÃ HỘI HẰNG THÁNG{{/if}}

Căn cứ Nghị định số 20/2021/NĐ-CP ngày 15/3/2021 của Chính phủ quy định chính sách trợ giúp xã hội đối với đối tượng bảo trợ xã hội, đã được sửa đổi, bổ sung;
Xét hồ sơ đề nghị và kết quả xét duyệt,

Điều 1. {{#if formData.category}}{{#if formData.currentDecisionNo}}Điều chỉnh mức trợ cấp xã hội hằng tháng (thay thế Quyết định {{formData.currentDecisionNo}}){{else}}Trợ cấp xã hội hằng tháng{{/if}} đối với ông/bà {{formData.beneficiaryName}}, sinh ngày {{formData.beneficiaryBirthDate}}, số định danh cá nhân {{formData.beneficiaryCitizenId}}, nơi cư trú: {{formData.beneficiaryResidence}}.
Mức trợ cấp hằng tháng bằng mức chuẩn trợ giúp xã hội 500.000 đồng nhân với hệ số tương ứng theo Điều 6 Nghị định số 20/2021/NĐ-CP (ghi tại phần kèm theo), được hưởng kể từ tháng ký Quyết định này.
Hình thức chi trả: {{#if formData.bankAccount}}chuyển khoản vào tài khoản số {{formData.bankAccount}} tại {{formData.bankName}}.{{else}}tiền mặt tại điểm chi trả của xã.{{/if}}{{else}}Thôi hưởng trợ cấp xã hội hằng tháng đối với ông/bà {{formData.beneficiaryName}}, sinh ngày {{formData.beneficiaryBirthDate}}, số định danh cá nhân {{formData.beneficiaryCitizenId}}, nơi cư trú: {{formData.beneficiaryResidence}}, đang hưởng theo Quyết định {{formData.currentDecisionNo}}, kể từ tháng sau tháng ký Quyết định này.{{/if}}
{{#if formData.changeReason}}Lý do: {{formData.changeReason}}
{{/if}}
Điều 2. Quyết định này có hiệu lực kể từ ngày ký. Công chức phụ trách lĩnh vực xã hội, bộ phận tài chính – kế toán và ông/bà có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.`,
  },
  supplementPolicy: 'RESTART',
  supplementDeadlineDays: SUPPLEMENT_DAYS,
};

export const SOCIAL_PROTECTION_PROCEDURES: { code: string; definition: ProcedureDefinition }[] = [
  { code: CODE.DISABILITY_CERTIFICATE, definition: disabilityCertificate },
  { code: CODE.SOCIAL_ALLOWANCE, definition: socialAllowance },
];
