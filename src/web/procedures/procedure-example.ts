/**
 * The body the "new procedure" editor starts from: a complete, valid example
 * (JSON has no comments, so every property shows its own use) with two pages,
 * a condition and a component satisfied by data.
 */
export function exampleProcedure(agencyCode: string) {
  return {
    code: '1.000000',
    name: { vi: 'Tên thủ tục', en: 'Procedure name' },
    sector: 'Hộ tịch',
    level: 'COMMUNE',
    agencyCodes: [agencyCode],
    legalBasis: ['Luật Hộ tịch số 60/2014/QH13'],
    description: { vi: 'Mô tả ngắn về thủ tục.', en: 'A short description of the procedure.' },
    processingTime: { workingDays: 1 },
    serviceLevel: 'FULL',
    fee: { amount: 0, currency: 'VND', payWhen: 'ON_SUBMIT' },
    form: {
      pages: [
        { key: 'applicant', title: { vi: 'Người yêu cầu', en: 'Applicant' } },
        { key: 'details', title: { vi: 'Nội dung yêu cầu', en: 'Request' } },
      ],
      fields: [
        { key: 'fullName', type: 'text', page: 'applicant', label: { vi: 'Họ và tên', en: 'Full name' }, required: true, maxLength: 100 },
        { key: 'phone', type: 'phone', page: 'applicant', label: { vi: 'Số điện thoại', en: 'Phone number' } },
        {
          key: 'hasRepresentative',
          type: 'checkbox',
          page: 'applicant',
          label: { vi: 'Nộp thay cho người khác', en: 'Applying on behalf of someone else' },
        },
        {
          key: 'representedCitizenId',
          type: 'citizenId',
          page: 'applicant',
          label: { vi: 'Số định danh của người được đại diện', en: 'ID number of the person represented' },
          required: true,
          showIf: { field: 'hasRepresentative', equals: true },
        },
        {
          key: 'reason',
          type: 'textarea',
          page: 'details',
          label: { vi: 'Lý do', en: 'Reason' },
          hint: { vi: 'Ghi ngắn gọn.', en: 'Keep it short.' },
          required: true,
        },
      ],
    },
    components: [
      { code: 'TK', name: { vi: 'Tờ khai', en: 'Declaration form' }, required: true, accept: ['application/pdf'], maxBytes: 5242880 },
      { code: 'CCCD', name: { vi: 'Căn cước', en: 'ID card' }, required: true, satisfiedBy: { profile: 'citizenId' } },
    ],
    workflow: {
      steps: [
        { key: 'reception', role: 'RECEPTIONIST', share: 0.25 },
        { key: 'processing', role: 'SPECIALIST', share: 0.5 },
        { key: 'approval', role: 'LEADER', share: 0.25 },
      ],
    },
    resultTemplate: { title: { vi: 'Kết quả', en: 'Result' }, body: 'Họ và tên: {{formData.fullName}}' },
  };
}
