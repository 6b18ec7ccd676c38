/**
 * A realistic 50-field form (a construction / land procedure) with every field
 * type and chained conditions, a valid submission as an HTML form posts it
 * (strings, `DD/MM/YYYY` dates, `+84` phones, `on` checkboxes), and a context
 * with a province of 120 communes. Used by the benchmark and by a unit test
 * that proves the benchmark measures the success path.
 */
import type { FieldDefinition, FormDefinition } from '../src/procedures/forms/definition.js';
import type { AgencyRef, SubmissionContext } from '../src/procedures/forms/validate-submission.js';

const l = (vi: string, en: string) => ({ vi, en });
const opts = (...values: string[]) => values.map((v) => ({ value: v, label: l(v, v) }));

const fields: FieldDefinition[] = [
  { key: 'applicantName', type: 'text', label: l('Họ và tên', 'Full name'), required: true, maxLength: 100 },
  { key: 'applicantCitizenId', type: 'citizenId', label: l('Số định danh cá nhân', 'Personal ID number'), required: true },
  { key: 'applicantBirthDate', type: 'date', label: l('Ngày sinh', 'Date of birth'), required: true, min: '1900-01-01', max: 'today' },
  { key: 'applicantGender', type: 'radio', label: l('Giới tính', 'Sex'), required: true, options: opts('male', 'female') },
  { key: 'applicantPhone', type: 'phone', label: l('Số điện thoại', 'Phone'), required: true },
  { key: 'applicantEmail', type: 'email', label: l('Thư điện tử', 'Email') },
  { key: 'applicantAddress', type: 'address', label: l('Nơi cư trú', 'Residence'), required: true },
  { key: 'applicantOccupation', type: 'text', label: l('Nghề nghiệp', 'Occupation'), maxLength: 100 },
  { key: 'applicantTaxCode', type: 'taxCode', label: l('Mã số thuế cá nhân', 'Personal tax code') },
  { key: 'representing', type: 'select', label: l('Đứng tên', 'Applying for'), required: true, options: opts('self', 'organisation') },
  {
    key: 'orgName',
    type: 'text',
    label: l('Tên tổ chức', 'Organisation'),
    required: true,
    maxLength: 200,
    showIf: { field: 'representing', equals: 'organisation' },
  },
  {
    key: 'orgTaxCode',
    type: 'taxCode',
    label: l('Mã số thuế', 'Tax code'),
    required: true,
    showIf: { field: 'representing', equals: 'organisation' },
  },
  { key: 'orgAddress', type: 'address', label: l('Trụ sở', 'Head office'), showIf: { field: 'representing', equals: 'organisation' } },
  { key: 'orgPhone', type: 'phone', label: l('Điện thoại tổ chức', 'Organisation phone'), showIf: { field: 'orgName', notEmpty: true } },
  {
    key: 'orgRepresentativeTitle',
    type: 'text',
    label: l('Chức vụ người đại diện', 'Representative title'),
    maxLength: 100,
    showIf: {
      all: [
        { field: 'representing', equals: 'organisation' },
        { field: 'orgName', notEmpty: true },
      ],
    },
  },
  {
    key: 'propertyType',
    type: 'select',
    label: l('Loại tài sản', 'Property type'),
    required: true,
    options: opts('house', 'apartment', 'land'),
  },
  { key: 'landParcelNo', type: 'text', label: l('Số thửa', 'Parcel number'), required: true, pattern: '[0-9]{1,5}' },
  { key: 'landMapSheet', type: 'text', label: l('Tờ bản đồ số', 'Map sheet'), pattern: '[0-9]{1,4}' },
  { key: 'landArea', type: 'number', label: l('Diện tích đất (m²)', 'Land area (m²)'), required: true, min: 0, max: 100000 },
  {
    key: 'floorArea',
    type: 'number',
    label: l('Diện tích sàn (m²)', 'Floor area (m²)'),
    min: 0,
    showIf: { field: 'propertyType', in: ['house', 'apartment'] },
  },
  { key: 'floors', type: 'number', label: l('Số tầng', 'Floors'), min: 1, max: 100, showIf: { field: 'propertyType', equals: 'house' } },
  { key: 'constructionStart', type: 'date', label: l('Ngày khởi công', 'Start of works'), min: 'today' },
  { key: 'constructionEnd', type: 'date', label: l('Ngày hoàn thành', 'End of works') },
  { key: 'propertyAddress', type: 'address', label: l('Địa chỉ tài sản', 'Property address'), required: true },
  { key: 'currentUse', type: 'textarea', label: l('Hiện trạng sử dụng', 'Current use'), maxLength: 2000 },
  { key: 'purpose', type: 'textarea', label: l('Mục đích', 'Purpose'), required: true, maxLength: 2000 },
  { key: 'hasCoOwners', type: 'checkbox', label: l('Có đồng sở hữu', 'Co-owned') },
  {
    key: 'coOwnerCount',
    type: 'number',
    label: l('Số người đồng sở hữu', 'Co-owners'),
    required: true,
    min: 1,
    max: 50,
    showIf: { field: 'hasCoOwners', equals: true },
  },
  {
    key: 'coOwnerNames',
    type: 'textarea',
    label: l('Họ tên đồng sở hữu', 'Co-owner names'),
    showIf: { field: 'hasCoOwners', equals: true },
  },
  {
    key: 'coOwnerCitizenIds',
    type: 'textarea',
    label: l('Số định danh đồng sở hữu', 'Co-owner IDs'),
    showIf: { field: 'hasCoOwners', equals: true },
  },
  {
    key: 'documentsHeld',
    type: 'checkbox',
    label: l('Giấy tờ đang có', 'Documents held'),
    options: opts('landCert', 'buildingPermit', 'survey'),
  },
  {
    key: 'certNumber',
    type: 'text',
    label: l('Số giấy chứng nhận', 'Certificate number'),
    pattern: '[A-Z]{2}[0-9]{6}',
    patternMessage: l('Hai chữ in hoa và sáu chữ số, ví dụ CS012345.', 'Two capitals and six digits, e.g. CS012345.'),
    showIf: {
      any: [
        { field: 'documentsHeld', equals: 'landCert' },
        { field: 'documentsHeld', equals: 'buildingPermit' },
      ],
    },
  },
  { key: 'certIssueDate', type: 'date', label: l('Ngày cấp', 'Issued on'), max: 'today', showIf: { field: 'certNumber', notEmpty: true } },
  { key: 'certIssuer', type: 'text', label: l('Nơi cấp', 'Issued by'), showIf: { field: 'certNumber', notEmpty: true } },
  {
    key: 'resultDelivery',
    type: 'radio',
    label: l('Nhận kết quả', 'Result delivery'),
    required: true,
    options: opts('online', 'counter', 'post'),
  },
  {
    key: 'postalAddress',
    type: 'address',
    label: l('Địa chỉ nhận', 'Postal address'),
    required: true,
    showIf: { field: 'resultDelivery', equals: 'post' },
  },
  { key: 'contactName', type: 'text', label: l('Người liên hệ', 'Contact'), maxLength: 100 },
  { key: 'contactPhone', type: 'phone', label: l('Điện thoại liên hệ', 'Contact phone') },
  { key: 'contactEmail', type: 'email', label: l('Thư điện tử liên hệ', 'Contact email') },
  { key: 'notes', type: 'textarea', label: l('Ghi chú', 'Notes'), maxLength: 2000 },
  { key: 'surveyDate', type: 'date', label: l('Ngày đo đạc', 'Survey date'), max: 'today' },
  { key: 'surveyCompany', type: 'text', label: l('Đơn vị đo đạc', 'Surveyor'), maxLength: 200 },
  { key: 'surveyCompanyTaxCode', type: 'taxCode', label: l('Mã số thuế đơn vị đo đạc', "Surveyor's tax code") },
  { key: 'bankAccount', type: 'text', label: l('Số tài khoản', 'Bank account'), pattern: '[0-9]{6,20}' },
  { key: 'bankName', type: 'select', label: l('Ngân hàng', 'Bank'), options: opts('vcb', 'bidv', 'agribank', 'vietin') },
  { key: 'feeExempt', type: 'checkbox', label: l('Thuộc đối tượng miễn phí', 'Exempt from the fee') },
  {
    key: 'exemptReason',
    type: 'select',
    label: l('Lý do miễn', 'Exemption'),
    required: true,
    options: opts('poor', 'disabled', 'veteran'),
    showIf: { field: 'feeExempt', equals: true },
  },
  {
    key: 'declaration',
    type: 'checkbox',
    label: l('Tôi cam đoan thông tin trên là đúng sự thật', 'I declare this is true'),
    required: true,
  },
  { key: 'signatureDate', type: 'date', label: l('Ngày ký', 'Signed on'), required: true, max: 'today' },
  { key: 'signaturePlace', type: 'text', label: l('Nơi ký', 'Signed at'), required: true, maxLength: 100 },
];

export const FIFTY_FIELD_FORM: FormDefinition = { fields };

const agencies: AgencyRef[] = [{ code: 'H12', level: 'PROVINCE', parentCode: null }];
for (let i = 1; i <= 120; i++) agencies.push({ code: `H12.${String(i).padStart(3, '0')}`, level: 'COMMUNE', parentCode: 'H12' });
for (let i = 1; i <= 20; i++) agencies.push({ code: `H12.S${String(i).padStart(2, '0')}`, level: 'DEPARTMENT', parentCode: 'H12' });

export const BENCH_CONTEXT: SubmissionContext = { agencies, today: '2026-03-10' };

const address = (commune: string, detail: string) => ({ provinceCode: 'H12', communeCode: commune, detail });

/** A valid submission, as posted: 48 of the 50 fields are shown (floors and exemptReason are hidden), 47 have a value. */
export const FIFTY_FIELD_SUBMISSION: Record<string, unknown> = {
  applicantName: '  Nguyễn Thị Thu Hà ',
  applicantCitizenId: '001190012345',
  applicantBirthDate: '15/03/1985',
  applicantGender: 'female',
  applicantPhone: '+84 912 345 678',
  applicantEmail: 'thuha.nguyen@Example.VN',
  applicantAddress: address('H12.005', 'Số 12, ngõ 34, đường Lê Lợi'),
  applicantOccupation: 'Kỹ sư xây dựng',
  applicantTaxCode: '8012345678',
  representing: 'organisation',
  orgName: 'Công ty TNHH Xây dựng Minh Hà',
  orgTaxCode: '0101234567-001',
  orgAddress: address('H12.017', 'Tầng 5, toà nhà An Phú, 88 Trần Hưng Đạo'),
  orgPhone: '024.3825.1234',
  orgRepresentativeTitle: 'Giám đốc',
  propertyType: 'apartment',
  landParcelNo: '1234',
  landMapSheet: '56',
  landArea: '120.5',
  floorArea: '95',
  constructionStart: '2026-04-01',
  constructionEnd: '30/12/2026',
  propertyAddress: address('H12.042', 'Căn hộ 1205, chung cư Hoà Bình'),
  currentUse: 'Căn hộ để ở.\r\nChưa cải tạo.',
  purpose: 'Cải tạo, sửa chữa căn hộ không thay đổi kết cấu chịu lực.',
  hasCoOwners: 'on',
  coOwnerCount: '1',
  coOwnerNames: 'Trần Văn Bình',
  coOwnerCitizenIds: '001085004321',
  documentsHeld: ['landCert', 'survey'],
  certNumber: 'CS012345',
  certIssueDate: '2019-08-20',
  certIssuer: 'Sở Tài nguyên và Môi trường',
  resultDelivery: 'post',
  postalAddress: address('H12.005', 'Số 12, ngõ 34, đường Lê Lợi'),
  contactName: 'Nguyễn Thị Thu Hà',
  contactPhone: '0987 654 321',
  contactEmail: 'lienhe@minhha.vn',
  notes: '',
  surveyDate: '2025-11-02',
  surveyCompany: 'Công ty CP Đo đạc Bản đồ Minh Hà',
  surveyCompanyTaxCode: '0109876543',
  bankAccount: '0011004123456',
  bankName: 'vcb',
  declaration: 'on',
  signatureDate: '10/03/2026',
  signaturePlace: 'Minh Hà',
};
