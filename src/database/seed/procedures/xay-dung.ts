/**
 * Sector "Hoạt động xây dựng" (construction).
 *
 * ===========================================================================
 * 1.009994 — Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ
 * (construction permit for a new private house)
 * ---------------------------------------------------------------------------
 * Sources:
 * - Luật Xây dựng số 50/2014/QH13, amended by Luật số 62/2020/QH14:
 *   Điều 89 (works exempt from a permit), Điều 93 (conditions for a private
 *   house), Điều 95 (dossier), Điều 102 (the permit is issued within 15 days
 *   for a private house, after appraisal and a site visit);
 *   Điều 79: a household may design its own house when the total floor area
 *   is under 250 m², or under 3 storeys, or under 12 m high.
 * - Nghị định 15/2021/NĐ-CP Điều 46 (dossier: application form no. 01 of
 *   Appendix II, land use right papers, two sets of drawings, a safety
 *   undertaking for adjoining works). Nghị định 175/2024/NĐ-CP replaced
 *   Nghị định 15/2021 on 30 December 2024 with, to my knowledge, the same
 *   dossier for a private house — the article number was not checked.
 * - Thông tư 85/2019/TT-BTC: the permit charge is set by the provincial
 *   People's Council. Demo amount: 75,000 VND per permit — an assumption
 *   (a common level for private houses), paid before the permit is handed over.
 * - Since 1 July 2025 (two-level local government) the commune's People's
 *   Committee issues permits for private houses in its area (previously the
 *   district). The decree dividing these powers is not cited: number not
 *   verified. A newer Construction Law may change the exemptions; not checked.
 * Time: the law says "15 days" (ngày), which the demo models as 15 working
 *   days; some provinces publish a shorter time — check the local decision.
 * National code: 1.009994 — from memory, NOT verified.
 * Service level: partial (stamped paper drawings are handed over with the permit).
 * ===========================================================================
 */
import type { ProcedureDefinition } from '../../../procedures/forms/definition.js';
import { CODE } from './codes.js';
import { DEMO_COMMUNES, ID_CARD_FROM_PROFILE, L, MiB, PDF_ONLY, SCANS, SUPPLEMENT_DAYS } from './common.js';

const housePermit: ProcedureDefinition = {
  name: L('Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ', 'Construction permit for a new private house'),
  sector: 'Hoạt động xây dựng',
  level: 'COMMUNE',
  agencyCodes: DEMO_COMMUNES,
  legalBasis: [
    'Luật Xây dựng số 50/2014/QH13 ngày 18/6/2014',
    'Luật số 62/2020/QH14 ngày 17/6/2020 sửa đổi, bổ sung một số điều của Luật Xây dựng',
    'Nghị định số 175/2024/NĐ-CP ngày 30/12/2024 của Chính phủ quy định chi tiết một số điều và biện pháp thi hành Luật Xây dựng về quản lý hoạt động xây dựng',
    'Thông tư số 85/2019/TT-BTC ngày 29/11/2019 của Bộ trưởng Bộ Tài chính hướng dẫn về phí và lệ phí thuộc thẩm quyền quyết định của Hội đồng nhân dân tỉnh',
  ],
  description: L(
    'Chủ đầu tư (hộ gia đình, cá nhân) đề nghị cấp giấy phép xây dựng mới nhà ở riêng lẻ tại Ủy ban nhân dân cấp xã nơi xây dựng, trừ các trường hợp được miễn giấy phép theo Điều 89 Luật Xây dựng. Cơ quan cấp phép thẩm định hồ sơ, kiểm tra thực địa và cấp giấy phép trong thời hạn 15 ngày kể từ ngày nhận đủ hồ sơ hợp lệ. Giấy phép có hiệu lực khởi công trong 12 tháng kể từ ngày cấp. Kết quả kèm 01 bộ bản vẽ thiết kế có đóng dấu của cơ quan cấp phép.',
    "The owner (a household or individual) applies to the People's Committee of the commune where the house will be built, unless the works are exempt under Article 89 of the Construction Law. The authority appraises the dossier, inspects the site and issues the permit within 15 days of a complete dossier. Construction must start within 12 months of issue. The permit comes with one set of drawings stamped by the authority.",
  ),
  processingTime: { workingDays: 15 },
  serviceLevel: 'PARTIAL',
  fee: {
    amount: 75000,
    currency: 'VND',
    payWhen: 'BEFORE_RESULT',
    name: L('Lệ phí cấp giấy phép xây dựng nhà ở riêng lẻ', 'Charge for a private house construction permit'),
  },
  form: {
    pages: [
      { key: 'owner', title: L('Chủ đầu tư', 'The owner') },
      { key: 'site', title: L('Địa điểm xây dựng', 'The site') },
      { key: 'works', title: L('Nội dung đề nghị cấp phép', 'The works') },
    ],
    fields: [
      {
        key: 'ownerName',
        type: 'text',
        label: L('Tên chủ đầu tư (chủ hộ)', "Owner's name (head of household)"),
        required: true,
        minLength: 2,
        maxLength: 100,
        page: 'owner',
      },
      {
        key: 'ownerCitizenId',
        type: 'citizenId',
        label: L('Số định danh cá nhân của chủ đầu tư', "Owner's personal identification number"),
        required: true,
        page: 'owner',
      },
      {
        key: 'ownerAddress',
        type: 'address',
        label: L('Địa chỉ liên hệ của chủ đầu tư', "Owner's contact address"),
        required: true,
        page: 'owner',
      },
      {
        key: 'ownerPhone',
        type: 'phone',
        label: L('Số điện thoại', 'Phone number'),
        required: true,
        page: 'owner',
      },

      {
        key: 'siteAddress',
        type: 'address',
        label: L('Địa điểm xây dựng', 'Construction site'),
        hint: L(
          'Số nhà (nếu có), đường hoặc thôn, xã hoặc phường, tỉnh.',
          'House number (if any), street or hamlet, commune or ward, province.',
        ),
        required: true,
        page: 'site',
      },
      {
        key: 'plotNumber',
        type: 'text',
        label: L('Thửa đất số', 'Land plot number'),
        hint: L('Theo Giấy chứng nhận quyền sử dụng đất.', 'As on the land use right certificate.'),
        required: true,
        maxLength: 10,
        pattern: '^[0-9]{1,6}[A-Za-z]?$',
        patternMessage: L(
          'Số thửa gồm chữ số, có thể kèm một chữ cái, ví dụ 125 hoặc 125a.',
          'Digits, possibly followed by one letter, e.g. 125 or 125a.',
        ),
        page: 'site',
      },
      {
        key: 'mapSheet',
        type: 'text',
        label: L('Tờ bản đồ số', 'Cadastral map sheet number'),
        required: true,
        maxLength: 10,
        pattern: '^[0-9]{1,4}[A-Za-z]?$',
        patternMessage: L('Số tờ bản đồ gồm chữ số, có thể kèm một chữ cái.', 'Digits, possibly followed by one letter.'),
        page: 'site',
      },
      {
        key: 'landArea',
        type: 'number',
        label: L('Diện tích thửa đất (m²)', 'Plot area (m²)'),
        required: true,
        min: 1,
        max: 100000,
        page: 'site',
      },
      {
        key: 'landCertificateNo',
        type: 'text',
        label: L('Số phát hành Giấy chứng nhận quyền sử dụng đất', 'Serial number of the land use right certificate'),
        hint: L(
          'Ví dụ: AB 123456; hoặc số, ngày của giấy tờ khác về quyền sử dụng đất.',
          'E.g. AB 123456; or the number and date of another land use right paper.',
        ),
        required: true,
        maxLength: 100,
        page: 'site',
      },

      {
        key: 'workGrade',
        type: 'select',
        label: L('Cấp công trình', 'Grade of the works'),
        hint: L('Theo hồ sơ thiết kế.', 'As in the design.'),
        required: true,
        page: 'works',
        options: [
          { value: 'II', label: L('Cấp II', 'Grade II') },
          { value: 'III', label: L('Cấp III', 'Grade III') },
          { value: 'IV', label: L('Cấp IV', 'Grade IV') },
        ],
      },
      {
        key: 'footprintArea',
        type: 'number',
        label: L('Diện tích xây dựng tầng 1 (tầng trệt) (m²)', 'Ground floor built area (m²)'),
        required: true,
        min: 1,
        max: 100000,
        page: 'works',
      },
      {
        key: 'totalFloorArea',
        type: 'number',
        label: L('Tổng diện tích sàn (m²)', 'Total floor area (m²)'),
        hint: L('Gồm cả tầng hầm, tầng lửng và tum (nếu có).', 'Including basement, mezzanine and roof cabin, if any.'),
        required: true,
        min: 1,
        max: 1000000,
        page: 'works',
      },
      {
        key: 'height',
        type: 'number',
        label: L('Chiều cao công trình (m)', 'Building height (m)'),
        required: true,
        min: 2,
        max: 150,
        page: 'works',
      },
      {
        key: 'floors',
        type: 'number',
        label: L('Số tầng (không kể tầng hầm)', 'Storeys (excluding basements)'),
        hint: L(
          'Tính cả tầng lửng và tum nếu thuộc diện phải tính theo quy định.',
          'Count the mezzanine and roof cabin when the rules say so.',
        ),
        required: true,
        min: 1,
        max: 30,
        page: 'works',
      },
      {
        key: 'hasBasement',
        type: 'checkbox',
        label: L('Có tầng hầm', 'Has a basement'),
        page: 'works',
      },
      {
        key: 'basementFloors',
        type: 'number',
        label: L('Số tầng hầm', 'Number of basement levels'),
        required: true,
        min: 1,
        max: 5,
        showIf: { field: 'hasBasement', equals: true },
        page: 'works',
      },
      {
        key: 'designedBy',
        type: 'radio',
        label: L('Đơn vị thiết kế', 'Designed by'),
        required: true,
        page: 'works',
        options: [
          { value: 'ORGANISATION', label: L('Tổ chức tư vấn thiết kế', 'A design firm') },
          { value: 'INDIVIDUAL', label: L('Cá nhân hành nghề thiết kế độc lập', 'An independent licensed designer') },
          {
            value: 'SELF',
            label: L(
              'Hộ gia đình tự thiết kế (nhà có tổng diện tích sàn dưới 250 m², hoặc dưới 3 tầng, hoặc cao dưới 12 m)',
              'The household itself (total floor area under 250 m², or under 3 storeys, or under 12 m high)',
            ),
          },
        ],
      },
      {
        key: 'designerName',
        type: 'text',
        label: L('Tên tổ chức hoặc cá nhân thiết kế', 'Name of the design firm or designer'),
        required: true,
        maxLength: 200,
        showIf: { field: 'designedBy', in: ['ORGANISATION', 'INDIVIDUAL'] },
        page: 'works',
      },
      {
        key: 'designerTaxCode',
        type: 'taxCode',
        label: L('Mã số doanh nghiệp (mã số thuế) của tổ chức thiết kế', "Design firm's enterprise (tax) code"),
        required: true,
        showIf: { field: 'designedBy', equals: 'ORGANISATION' },
        page: 'works',
      },
      {
        key: 'designerCertificateNo',
        type: 'text',
        label: L(
          'Mã số chứng chỉ năng lực (tổ chức) hoặc chứng chỉ hành nghề (cá nhân)',
          'Capability certificate (firm) or practising certificate (individual) number',
        ),
        required: true,
        maxLength: 50,
        showIf: { field: 'designedBy', in: ['ORGANISATION', 'INDIVIDUAL'] },
        page: 'works',
      },
      {
        key: 'hasAdjoiningWorks',
        type: 'checkbox',
        label: L('Có công trình liền kề', 'There are adjoining buildings'),
        hint: L(
          'Khi đó cần nộp bản cam kết bảo đảm an toàn đối với công trình liền kề.',
          'Then a safety undertaking for the adjoining buildings is required.',
        ),
        page: 'works',
      },
      {
        key: 'expectedMonths',
        type: 'number',
        label: L('Dự kiến thời gian hoàn thành công trình (tháng)', 'Expected construction time (months)'),
        required: true,
        min: 1,
        max: 60,
        page: 'works',
      },
      {
        key: 'commitment',
        type: 'checkbox',
        label: L(
          'Tôi xin cam đoan làm theo đúng giấy phép được cấp, nếu sai tôi xin hoàn toàn chịu trách nhiệm và bị xử lý theo quy định của pháp luật.',
          'I undertake to build exactly as permitted; otherwise I bear full responsibility and accept the penalties provided by law.',
        ),
        required: true,
        page: 'works',
      },
    ],
  },
  components: [
    ID_CARD_FROM_PROFILE,
    {
      code: 'QSDD',
      name: L('Giấy tờ chứng minh quyền sử dụng đất', 'Proof of land use rights'),
      required: true,
      accept: SCANS,
      maxBytes: 20 * MiB,
      hint: L(
        'Bản sao hoặc bản chụp một trong những giấy tờ chứng minh quyền sử dụng đất theo quy định của pháp luật về đất đai.',
        'A copy or scan of one of the papers proving land use rights under the land law.',
      ),
    },
    {
      code: 'BANVE',
      name: L('Bản vẽ thiết kế xây dựng', 'Construction drawings'),
      required: true,
      accept: PDF_ONLY,
      maxBytes: 50 * MiB,
      hint: L(
        'Gồm: mặt bằng công trình trên lô đất kèm sơ đồ vị trí; mặt bằng các tầng, các mặt đứng và mặt cắt chính; mặt bằng móng và mặt cắt móng; sơ đồ đấu nối hệ thống thoát nước mưa, xử lý nước thải, cấp nước, cấp điện, thông tin liên lạc. Nộp thêm 02 bộ bản giấy khi nhận giấy phép.',
        'Site plan with the location diagram; floor plans, main elevations and sections; foundation plan and section; connection diagrams for rainwater, sewage, water, power and telecoms. Bring two paper sets when collecting the permit.',
      ),
    },
    {
      code: 'CAMKET_LIENKE',
      name: L('Bản cam kết bảo đảm an toàn đối với công trình liền kề', 'Safety undertaking for adjoining buildings'),
      required: false,
      accept: SCANS,
      maxBytes: 10 * MiB,
      hint: L('Bắt buộc đối với công trình xây dựng có công trình liền kề.', 'Required when there are adjoining buildings.'),
    },
  ],
  workflow: {
    steps: [
      { key: 'reception', name: L('Tiếp nhận hồ sơ', 'Reception'), role: 'RECEPTIONIST', share: 0.0625 },
      {
        key: 'appraisal',
        name: L('Thẩm định hồ sơ, kiểm tra thực địa', 'Appraisal of the dossier and site inspection'),
        role: 'SPECIALIST',
        share: 0.5,
      },
      {
        key: 'drafting',
        name: L('Dự thảo giấy phép, đóng dấu bản vẽ', 'Drafting the permit, stamping the drawings'),
        role: 'SPECIALIST',
        share: 0.1875,
      },
      {
        key: 'approval',
        name: L('Lãnh đạo Ủy ban nhân dân cấp xã ký giấy phép', "A leader of the commune People's Committee signs the permit"),
        role: 'LEADER',
        share: 0.25,
      },
    ],
  },
  resultTemplate: {
    title: L('Giấy phép xây dựng (sử dụng cho nhà ở riêng lẻ)', 'Construction permit (private house)'),
    body: `GIẤY PHÉP XÂY DỰNG
(Sử dụng cho nhà ở riêng lẻ)

1. Cấp cho: {{formData.ownerName}}
   Địa chỉ: {{formData.ownerAddress}}
2. Được phép xây dựng công trình: nhà ở riêng lẻ, {{#if formData.designerName}}theo thiết kế do {{formData.designerName}} lập{{else}}theo thiết kế do hộ gia đình tự lập{{/if}}.
   - Cấp công trình: {{formData.workGrade}}
   - Theo thiết kế: hồ sơ bản vẽ kèm theo giấy phép này, đã được đóng dấu
   - Vị trí xây dựng: thửa đất số {{formData.plotNumber}}, tờ bản đồ số {{formData.mapSheet}}, tại {{formData.siteAddress}}
   - Diện tích thửa đất: {{formData.landArea}} m²
   - Diện tích xây dựng tầng 1 (tầng trệt): {{formData.footprintArea}} m²
   - Tổng diện tích sàn: {{formData.totalFloorArea}} m²
   - Chiều cao công trình: {{formData.height}} m
   - Số tầng: {{formData.floors}}{{#if formData.basementFloors}}, kèm {{formData.basementFloors}} tầng hầm{{/if}}
3. Giấy tờ về quyền sử dụng đất: {{formData.landCertificateNo}}
4. Giấy phép này có hiệu lực khởi công xây dựng trong thời hạn 12 tháng kể từ ngày cấp; quá thời hạn trên thì phải đề nghị gia hạn giấy phép xây dựng.`,
  },
  supplementPolicy: 'RESTART',
  supplementDeadlineDays: SUPPLEMENT_DAYS,
};

export const CONSTRUCTION_PROCEDURES: { code: string; definition: ProcedureDefinition }[] = [
  { code: CODE.HOUSE_BUILDING_PERMIT, definition: housePermit },
];
