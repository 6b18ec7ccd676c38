/**
 * Sector "Chứng thực" (certification), served by the People's Committees of
 * the communes and wards.
 *
 * Common sources:
 * - Nghị định 23/2015/NĐ-CP on issuing copies from master registers,
 *   certifying copies from originals, certifying signatures and contracts
 *   (Điều 5 competence; Điều 7 time: the same day, or the next working day
 *   when the request arrives after 15:00; Điều 18–22 copies; Điều 23–25
 *   signatures); amended by Nghị định 07/2025/NĐ-CP (number recalled from
 *   memory, please check);
 * - Thông tư 01/2020/TT-BTP (details, the certification statements);
 * - Thông tư 226/2016/TT-BTC (fees: a copy 2,000 VND per page for pages 1–2,
 *   1,000 VND per page from page 3, at most 200,000 VND per copy; a signature
 *   10,000 VND per case).
 * Since 1 July 2025 the commune also certifies what the district's justice
 * office used to (two-level local government) — not modelled separately.
 *
 * Both procedures need the citizen at the counter (the original must be shown;
 * the signature must be made before the officer): service level PARTIAL.
 * The portal's fee is one fixed amount per dossier: the per-page schedule of
 * copy certification cannot be expressed, so the demo charges one page and
 * says so in the description. The fee is collected before the result is
 * handed over, once the counter has counted the pages.
 */
import type { ProcedureDefinition } from '../../../procedures/forms/definition.js';
import { CODE } from './codes.js';
import { DEMO_COMMUNES, ID_CARD_FROM_PROFILE, L, MiB, SCANS, SUPPLEMENT_DAYS, standardWorkflow } from './common.js';

const LEGAL_CERTIFICATION = [
  'Nghị định số 23/2015/NĐ-CP ngày 16/02/2015 của Chính phủ về cấp bản sao từ sổ gốc, chứng thực bản sao từ bản chính, chứng thực chữ ký và chứng thực hợp đồng, giao dịch',
  'Thông tư số 01/2020/TT-BTP ngày 03/3/2020 của Bộ trưởng Bộ Tư pháp quy định chi tiết và hướng dẫn thi hành một số điều của Nghị định số 23/2015/NĐ-CP',
  'Thông tư số 226/2016/TT-BTC ngày 11/11/2016 của Bộ trưởng Bộ Tài chính quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí chứng thực',
];

// ===========================================================================
// 2.000815 — Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ
// chức có thẩm quyền của Việt Nam cấp hoặc chứng nhận
// (certification of a copy from the original)
// ---------------------------------------------------------------------------
// Sources: Nghị định 23/2015 Điều 5, 18–22 (no ID card is needed: only the
// original and the copy; refusal cases in Điều 22); Thông tư 01/2020;
// Thông tư 226/2016 (fee). National code 2.000815 (moderately sure; the same
// code is used by communes and, before 7/2025, districts).
// Time: same day; after 15:00 → next working day.
// Fee: 2,000 VND for one page (demo: one fixed amount, see the header).
// ===========================================================================
const copyCertification: ProcedureDefinition = {
  name: L(
    'Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ chức có thẩm quyền của Việt Nam cấp hoặc chứng nhận',
    'Certification of copies from originals issued or certified by competent Vietnamese authorities',
  ),
  sector: 'Chứng thực',
  level: 'COMMUNE',
  agencyCodes: DEMO_COMMUNES,
  legalBasis: LEGAL_CERTIFICATION,
  description: L(
    'Người yêu cầu xuất trình bản chính giấy tờ, văn bản và bản sao cần chứng thực (nếu chỉ có bản chính, cán bộ sẽ chụp từ bản chính). Không chứng thực bản sao từ bản chính bị tẩy xóa, sửa chữa, thêm, bớt nội dung không hợp lệ, bị hư hỏng, cũ nát không xác định được nội dung, hoặc đóng dấu mật, ghi rõ không được sao chụp. Giải quyết trong ngày; yêu cầu nhận sau 15 giờ được trả trong ngày làm việc tiếp theo. Phí: 2.000 đồng/trang; từ trang thứ ba trở đi 1.000 đồng/trang, tối đa 200.000 đồng/bản. Phí tạm thu trên Cổng tương ứng 01 trang; phần còn lại nộp tại Bộ phận Một cửa khi nhận kết quả.',
    'Show the original and bring the copies to be certified (if you only have the original, the officer makes the copy). Originals that are erased, altered, damaged beyond reading, or marked secret or "do not copy" are refused. Same day; next working day for requests received after 15:00. Fee: 2,000 VND per page, 1,000 VND per page from the third page, at most 200,000 VND per copy. The portal collects the amount for one page; the rest is paid at the one-stop counter when the result is handed over.',
  ),
  processingTime: { workingDays: 0.5 },
  sameDayCutoff: '15:00',
  serviceLevel: 'PARTIAL',
  fee: {
    amount: 2000,
    currency: 'VND',
    payWhen: 'BEFORE_RESULT',
    name: L('Phí chứng thực bản sao từ bản chính', 'Fee for certifying a copy from the original'),
  },
  form: {
    fields: [
      {
        key: 'documentName',
        type: 'text',
        label: L('Tên giấy tờ, văn bản cần chứng thực', 'Document to be certified'),
        hint: L(
          'Ví dụ: Bằng tốt nghiệp trung học phổ thông, Giấy chứng nhận quyền sử dụng đất, Học bạ.',
          'E.g. upper-secondary diploma, land use right certificate, school record.',
        ),
        required: true,
        maxLength: 200,
      },
      {
        key: 'issuingAuthority',
        type: 'text',
        label: L('Cơ quan, tổ chức cấp hoặc chứng nhận', 'Issuing authority'),
        hint: L('Ví dụ: Sở Giáo dục và Đào tạo tỉnh Minh Hà.', 'E.g. Minh Hà Department of Education and Training.'),
        required: true,
        maxLength: 200,
      },
      {
        key: 'documentNumber',
        type: 'text',
        label: L('Số, ký hiệu của giấy tờ', 'Document number'),
        hint: L('Nếu có.', 'If any.'),
        maxLength: 60,
      },
      {
        key: 'documentIssueDate',
        type: 'date',
        label: L('Ngày cấp', 'Date of issue'),
        max: 'today',
      },
      {
        key: 'pageCount',
        type: 'number',
        label: L('Số trang của bản chính', 'Number of pages of the original'),
        required: true,
        min: 1,
        max: 500,
      },
      {
        key: 'copyCount',
        type: 'number',
        label: L('Số bản sao cần chứng thực', 'Number of certified copies'),
        required: true,
        min: 1,
        max: 50,
      },
    ],
  },
  components: [
    {
      code: 'BANCHINH',
      name: L('Bản chính giấy tờ, văn bản cần chứng thực (bản chụp để kiểm tra trước)', 'The original document (a scan for a first check)'),
      required: true,
      accept: SCANS,
      maxBytes: 20 * MiB,
      hint: L(
        'Tải lên bản chụp để cán bộ kiểm tra trước; mang bản chính đến Bộ phận Một cửa để đối chiếu khi nhận kết quả.',
        'Upload a scan for a first check; bring the original to the one-stop counter to be compared when you collect the result.',
      ),
    },
    {
      code: 'BANSAO',
      name: L('Bản sao cần chứng thực', 'The copies to be certified'),
      required: false,
      accept: SCANS,
      maxBytes: 20 * MiB,
      hint: L('Không bắt buộc: nếu không có, cán bộ chụp từ bản chính.', 'Optional: without them, the officer copies the original.'),
    },
  ],
  workflow: standardWorkflow(
    L(
      'Công chức Tư pháp – Hộ tịch đối chiếu bản sao với bản chính, ghi lời chứng',
      'Officer compares the copies with the original and writes the certification',
    ),
    L('Người có thẩm quyền ký chứng thực, đóng dấu', 'The authorised person signs and seals'),
  ),
  resultTemplate: {
    title: L('Bản sao được chứng thực từ bản chính', 'Copy certified from the original'),
    body: `LỜI CHỨNG CHỨNG THỰC BẢN SAO TỪ BẢN CHÍNH

Chứng thực bản sao đúng với bản chính.

Giấy tờ: {{formData.documentName}}{{#if formData.documentNumber}}, số {{formData.documentNumber}}{{/if}}
Cơ quan cấp: {{formData.issuingAuthority}}{{#if formData.documentIssueDate}}, ngày {{formData.documentIssueDate}}{{/if}}
Số trang: {{formData.pageCount}} — Số bản sao được chứng thực: {{formData.copyCount}}`,
  },
  supplementPolicy: 'RESTART',
  supplementDeadlineDays: SUPPLEMENT_DAYS,
};

// ===========================================================================
// 2.000884 — Chứng thực chữ ký trong các giấy tờ, văn bản (áp dụng cả cho
// trường hợp chứng thực điểm chỉ và trường hợp người yêu cầu chứng thực
// không thể ký, không thể điểm chỉ được) (certification of a signature)
// ---------------------------------------------------------------------------
// Sources: Nghị định 23/2015 Điều 23–25 (sign before the officer; no
// signature certification on contracts, except an unpaid power of attorney
// without compensation duty that does not transfer property or land rights;
// witnesses when the person can neither sign nor fingerprint); Thông tư
// 01/2020; Thông tư 226/2016 (10,000 VND per case — one document, whatever
// the number of signatures). National code 2.000884 (moderately sure).
// Time: same day; after 15:00 → next working day.
// ===========================================================================
const signatureCertification: ProcedureDefinition = {
  name: L(
    'Chứng thực chữ ký trong các giấy tờ, văn bản (áp dụng cho cả trường hợp chứng thực điểm chỉ và trường hợp người yêu cầu chứng thực không thể ký, không thể điểm chỉ được)',
    'Certification of signatures on papers and documents (including fingerprints, and persons unable to sign or fingerprint)',
  ),
  sector: 'Chứng thực',
  level: 'COMMUNE',
  agencyCodes: DEMO_COMMUNES,
  legalBasis: LEGAL_CERTIFICATION,
  description: L(
    'Người yêu cầu mang giấy tờ tùy thân và giấy tờ, văn bản chưa ký đến Bộ phận Một cửa và ký (hoặc điểm chỉ) trước mặt người thực hiện chứng thực. Không chứng thực chữ ký trên giấy tờ có nội dung là hợp đồng, giao dịch, trừ giấy ủy quyền không có thù lao, không có nghĩa vụ bồi thường của bên được ủy quyền và không liên quan đến chuyển quyền sở hữu tài sản, quyền sử dụng bất động sản. Giải quyết trong ngày; yêu cầu nhận sau 15 giờ được trả trong ngày làm việc tiếp theo. Phí: 10.000 đồng/trường hợp.',
    'Bring your ID and the unsigned document to the one-stop counter and sign (or fingerprint) it before the certifying officer. Signatures on contracts and transactions are not certified, except an unpaid power of attorney that carries no compensation duty and does not transfer property or land rights. Same day; next working day for requests received after 15:00. Fee: 10,000 VND per document.',
  ),
  processingTime: { workingDays: 0.5 },
  sameDayCutoff: '15:00',
  serviceLevel: 'PARTIAL',
  fee: {
    amount: 10000,
    currency: 'VND',
    payWhen: 'BEFORE_RESULT',
    name: L('Phí chứng thực chữ ký', 'Fee for certifying a signature'),
  },
  form: {
    fields: [
      {
        key: 'documentTitle',
        type: 'text',
        label: L('Tên giấy tờ, văn bản cần chứng thực chữ ký', 'Document to be signed'),
        hint: L(
          'Ví dụ: Giấy ủy quyền, Đơn đề nghị, Bản cam kết, Bản khai.',
          'E.g. power of attorney, application, undertaking, statement.',
        ),
        required: true,
        maxLength: 200,
      },
      {
        key: 'signerName',
        type: 'text',
        label: L('Họ, chữ đệm và tên người ký', "Signer's full name"),
        hint: L(
          'Người sẽ ký hoặc điểm chỉ trước mặt người thực hiện chứng thực.',
          'The person who will sign or fingerprint before the officer.',
        ),
        required: true,
        minLength: 2,
        maxLength: 100,
      },
      {
        key: 'signerCitizenId',
        type: 'citizenId',
        label: L('Số định danh cá nhân của người ký', "Signer's personal identification number"),
        required: true,
      },
      {
        key: 'signerCount',
        type: 'number',
        label: L('Số người cùng ký trên văn bản', 'Number of people signing the document'),
        hint: L(
          'Phí tính theo trường hợp (một văn bản), không phụ thuộc số chữ ký.',
          'The fee is per document, whatever the number of signatures.',
        ),
        required: true,
        min: 1,
        max: 20,
      },
      {
        key: 'signMethod',
        type: 'radio',
        label: L('Hình thức xác nhận', 'How the document is signed'),
        required: true,
        options: [
          { value: 'SIGN', label: L('Ký', 'Signature') },
          { value: 'FINGERPRINT', label: L('Điểm chỉ', 'Fingerprint') },
          { value: 'SIGN_AND_FINGERPRINT', label: L('Vừa ký vừa điểm chỉ', 'Signature and fingerprint') },
          {
            value: 'WITNESSED',
            label: L('Không thể ký và không thể điểm chỉ (có người làm chứng)', 'Unable to sign or fingerprint (with witnesses)'),
          },
        ],
      },
      {
        key: 'witness1Name',
        type: 'text',
        label: L('Họ và tên người làm chứng thứ nhất', 'First witness, full name'),
        hint: L(
          'Người làm chứng phải có năng lực hành vi dân sự đầy đủ và không có quyền, lợi ích hoặc nghĩa vụ liên quan.',
          'Witnesses must have full legal capacity and no interest in the matter.',
        ),
        required: true,
        maxLength: 100,
        showIf: { field: 'signMethod', equals: 'WITNESSED' },
      },
      {
        key: 'witness1CitizenId',
        type: 'citizenId',
        label: L('Số định danh cá nhân người làm chứng thứ nhất', 'First witness, personal identification number'),
        required: true,
        showIf: { field: 'signMethod', equals: 'WITNESSED' },
      },
      {
        key: 'witness2Name',
        type: 'text',
        label: L('Họ và tên người làm chứng thứ hai', 'Second witness, full name'),
        required: true,
        maxLength: 100,
        showIf: { field: 'signMethod', equals: 'WITNESSED' },
      },
      {
        key: 'witness2CitizenId',
        type: 'citizenId',
        label: L('Số định danh cá nhân người làm chứng thứ hai', 'Second witness, personal identification number'),
        required: true,
        showIf: { field: 'signMethod', equals: 'WITNESSED' },
      },
    ],
  },
  components: [
    {
      code: 'VANBAN',
      name: L('Giấy tờ, văn bản cần chứng thực chữ ký (chưa ký)', 'The document to be signed (unsigned)'),
      required: true,
      accept: SCANS,
      maxBytes: 20 * MiB,
      hint: L(
        'Không ký sẵn: người yêu cầu phải ký hoặc điểm chỉ trước mặt người thực hiện chứng thực. Mang bản giấy đến Bộ phận Một cửa.',
        'Do not sign it in advance: it must be signed or fingerprinted before the officer. Bring the paper to the one-stop counter.',
      ),
    },
    { ...ID_CARD_FROM_PROFILE, name: L('Giấy tờ tùy thân của người yêu cầu chứng thực', "Applicant's identity document") },
  ],
  workflow: standardWorkflow(
    L('Kiểm tra giấy tờ, chứng kiến việc ký, ghi lời chứng', 'Check the papers, witness the signing, write the certification'),
    L('Người có thẩm quyền ký chứng thực, đóng dấu', 'The authorised person signs and seals'),
  ),
  resultTemplate: {
    title: L('Lời chứng chứng thực chữ ký', 'Certification of a signature'),
    body: `LỜI CHỨNG CHỨNG THỰC CHỮ KÝ

Chứng thực: ông/bà {{formData.signerName}}, số định danh cá nhân {{formData.signerCitizenId}}, đã {{#if formData.witness1Name}}yêu cầu chứng thực trước sự có mặt của người làm chứng {{formData.witness1Name}} ({{formData.witness1CitizenId}}) và {{formData.witness2Name}} ({{formData.witness2CitizenId}}) do không thể ký, không thể điểm chỉ được{{else}}ký/điểm chỉ vào giấy tờ, văn bản này trước mặt người thực hiện chứng thực{{/if}}.

Giấy tờ, văn bản: {{formData.documentTitle}}
Người yêu cầu chứng thực chịu hoàn toàn trách nhiệm về nội dung của giấy tờ, văn bản.`,
  },
  supplementPolicy: 'RESTART',
  supplementDeadlineDays: SUPPLEMENT_DAYS,
};

export const CERTIFICATION_PROCEDURES: { code: string; definition: ProcedureDefinition }[] = [
  { code: CODE.COPY_CERTIFICATION, definition: copyCertification },
  { code: CODE.SIGNATURE_CERTIFICATION, definition: signatureCertification },
];
