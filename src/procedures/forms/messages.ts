/**
 * Every message of the procedure-form modules (definition checks, submission
 * validation, components), in Vietnamese and English, keyed by a stable code.
 * `{name}` placeholders are filled by `formMessage`; numbers are written the
 * way each language writes them (vi: 1.000,5 — en: 1,000.5).
 * Pure: no framework.
 */

export interface LocalizedMessage {
  vi: string;
  en: string;
}

export type MessageParams = Record<string, string | number>;

/** One problem, with where it is (`formData.fullName`, `form.fields[2].showIf.field`, `components.GCS`). */
export interface FormError {
  path: string;
  code: FormMessageCode;
  params?: MessageParams;
  message: LocalizedMessage;
}

export const FORM_MESSAGES = {
  // ── Submission (formData) ──────────────────────────────────────────────
  'form.notObject': {
    vi: 'Dữ liệu biểu mẫu không hợp lệ.',
    en: 'The form data is not valid.',
  },
  'form.unknownField': {
    vi: 'Biểu mẫu không có trường thông tin này.',
    en: 'This field is not part of the form.',
  },
  'form.required': {
    vi: 'Vui lòng nhập thông tin này.',
    en: 'Please fill in this field.',
  },
  'form.requiredChoice': {
    vi: 'Vui lòng chọn một giá trị.',
    en: 'Please choose an option.',
  },
  'form.requiredAny': {
    vi: 'Vui lòng chọn ít nhất một lựa chọn.',
    en: 'Please choose at least one option.',
  },
  'form.mustTick': {
    vi: 'Vui lòng đánh dấu vào ô này để tiếp tục.',
    en: 'Please tick this box to continue.',
  },
  'form.notText': {
    vi: 'Giá trị phải là một chuỗi ký tự.',
    en: 'This must be text.',
  },
  'form.minLength': {
    vi: 'Vui lòng nhập ít nhất {min} ký tự.',
    en: 'Please enter at least {min} characters.',
  },
  'form.maxLength': {
    vi: 'Vui lòng nhập không quá {max} ký tự.',
    en: 'Please enter no more than {max} characters.',
  },
  'form.pattern': {
    vi: 'Giá trị không đúng định dạng yêu cầu.',
    en: 'This value is not in the required format.',
  },
  'form.number': {
    vi: 'Vui lòng nhập một số hợp lệ, dùng dấu chấm cho phần thập phân (ví dụ 12.5).',
    en: 'Please enter a valid number, with a dot for decimals (for example 12.5).',
  },
  'form.min': {
    vi: 'Giá trị phải lớn hơn hoặc bằng {min}.',
    en: 'The value must be {min} or more.',
  },
  'form.max': {
    vi: 'Giá trị phải nhỏ hơn hoặc bằng {max}.',
    en: 'The value must be {max} or less.',
  },
  'form.date': {
    vi: 'Ngày không hợp lệ. Vui lòng nhập theo dạng ngày/tháng/năm (ví dụ 25/12/2025).',
    en: 'This is not a valid date. Please enter it as day/month/year (for example 25/12/2025).',
  },
  'form.dateMin': {
    vi: 'Ngày không được trước ngày {min}.',
    en: 'The date must be on or after {min}.',
  },
  'form.dateMax': {
    vi: 'Ngày không được sau ngày {max}.',
    en: 'The date must be on or before {max}.',
  },
  'form.dateNotPast': {
    vi: 'Ngày không được trước ngày hôm nay ({min}).',
    en: 'The date cannot be earlier than today ({min}).',
  },
  'form.dateNotFuture': {
    vi: 'Ngày không được sau ngày hôm nay ({max}).',
    en: 'The date cannot be later than today ({max}).',
  },
  'form.option': {
    vi: 'Vui lòng chọn một giá trị trong danh sách.',
    en: 'Please choose one of the options listed.',
  },
  'form.checkbox': {
    vi: 'Giá trị của ô đánh dấu không hợp lệ.',
    en: 'The value of this checkbox is not valid.',
  },
  'form.email': {
    vi: 'Địa chỉ thư điện tử không hợp lệ (ví dụ: ten@example.vn).',
    en: 'Please enter a valid email address (for example name@example.vn).',
  },
  'form.phone': {
    vi: 'Số điện thoại không hợp lệ. Vui lòng nhập số di động hoặc số cố định tại Việt Nam (ví dụ 0912345678 hoặc 02438251234).',
    en: 'Please enter a valid Vietnamese mobile or landline number (for example 0912345678 or 02438251234).',
  },
  'form.citizenId': {
    vi: 'Số định danh cá nhân phải gồm đúng 12 chữ số.',
    en: 'The personal identification number must be exactly 12 digits.',
  },
  'form.taxCode': {
    vi: 'Mã số thuế phải gồm 10 chữ số, hoặc 13 chữ số (dạng 0123456789-001).',
    en: 'The tax code must be 10 digits, or 13 digits (written 0123456789-001).',
  },
  'form.address': {
    vi: 'Địa chỉ không hợp lệ. Vui lòng chọn tỉnh, thành phố, xã, phường và nhập số nhà, tên đường.',
    en: 'The address is not valid. Please choose the province and the commune or ward, and enter the house number and street.',
  },
  'form.province': {
    vi: 'Vui lòng chọn tỉnh, thành phố trong danh sách.',
    en: 'Please choose a province or city from the list.',
  },
  'form.commune': {
    vi: 'Vui lòng chọn xã, phường, đặc khu thuộc tỉnh, thành phố đã chọn.',
    en: 'Please choose a commune or ward of the chosen province.',
  },

  // ── Procedure definition ───────────────────────────────────────────────
  'definition.notObject': {
    vi: 'Giá trị phải là một đối tượng (object).',
    en: 'This must be an object.',
  },
  'definition.notArray': {
    vi: 'Giá trị phải là một danh sách (array).',
    en: 'This must be a list (array).',
  },
  'definition.notString': {
    vi: 'Giá trị phải là một chuỗi ký tự.',
    en: 'This must be a string.',
  },
  'definition.notNumber': {
    vi: 'Giá trị phải là một số.',
    en: 'This must be a number.',
  },
  'definition.notBoolean': {
    vi: 'Giá trị phải là true hoặc false.',
    en: 'This must be true or false.',
  },
  'definition.required': {
    vi: 'Thiếu thông tin bắt buộc.',
    en: 'This is required.',
  },
  'definition.unknownProperty': {
    vi: 'Thuộc tính “{property}” không được hỗ trợ.',
    en: 'The property “{property}” is not supported.',
  },
  'definition.enum': {
    vi: 'Giá trị phải là một trong: {allowed}.',
    en: 'This must be one of: {allowed}.',
  },
  'definition.text': {
    vi: 'Giá trị phải là một chuỗi ký tự, hoặc một đối tượng { "vi": "…", "en": "…" }.',
    en: 'This must be a string, or an object { "vi": "…", "en": "…" }.',
  },
  'definition.emptyText': {
    vi: 'Nội dung không được để trống.',
    en: 'This must not be empty.',
  },
  'definition.emptyList': {
    vi: 'Danh sách phải có ít nhất một phần tử.',
    en: 'The list must have at least one item.',
  },
  'definition.duplicateValue': {
    vi: 'Giá trị “{value}” bị lặp lại.',
    en: 'The value “{value}” appears more than once.',
  },
  'definition.fieldType': {
    vi: 'Loại trường “{type}” không được hỗ trợ. Các loại hợp lệ: {allowed}.',
    en: 'The field type “{type}” is not supported. Allowed types: {allowed}.',
  },
  'definition.fieldKey': {
    vi: 'Mã trường phải bắt đầu bằng một chữ cái và chỉ gồm chữ cái không dấu, chữ số, dấu gạch dưới (tối đa 64 ký tự).',
    en: 'A field key must start with a letter and contain only letters without diacritics, digits and underscores (at most 64 characters).',
  },
  'definition.key': {
    vi: 'Mã phải bắt đầu bằng một chữ cái và chỉ gồm chữ cái không dấu, chữ số, dấu gạch dưới (tối đa 64 ký tự).',
    en: 'A key must start with a letter and contain only letters without diacritics, digits and underscores (at most 64 characters).',
  },
  'definition.duplicateKey': {
    vi: 'Mã trường “{key}” đã được dùng cho một trường khác ({first}).',
    en: 'The field key “{key}” is already used by another field ({first}).',
  },
  'definition.notApplicable': {
    vi: 'Thuộc tính “{property}” không áp dụng cho trường loại {type}.',
    en: 'The property “{property}” does not apply to a field of type {type}.',
  },
  'definition.optionsRequired': {
    vi: 'Trường loại {type} cần có danh sách lựa chọn.',
    en: 'A field of type {type} needs a list of options.',
  },
  'definition.duplicateOption': {
    vi: 'Giá trị lựa chọn “{value}” bị lặp lại.',
    en: 'The option value “{value}” appears more than once.',
  },
  'definition.pattern': {
    vi: 'Biểu thức chính quy không hợp lệ: {reason}',
    en: 'The regular expression is not valid: {reason}',
  },
  'definition.patternMessageWithoutPattern': {
    vi: 'Chỉ dùng patternMessage khi trường có pattern.',
    en: 'patternMessage is only used together with pattern.',
  },
  'definition.nonNegativeInteger': {
    vi: 'Giá trị phải là số nguyên không âm.',
    en: 'This must be a whole number, zero or more.',
  },
  'definition.positiveInteger': {
    vi: 'Giá trị phải là số nguyên lớn hơn 0.',
    en: 'This must be a whole number greater than zero.',
  },
  'definition.dateBound': {
    vi: 'Giá trị phải là một ngày hợp lệ dạng YYYY-MM-DD, hoặc “today” (ngày hiện tại).',
    en: 'This must be a valid date written YYYY-MM-DD, or “today”.',
  },
  'definition.minAboveMax': {
    vi: 'Giá trị nhỏ nhất ({min}) lớn hơn giá trị lớn nhất ({max}).',
    en: 'The minimum ({min}) is greater than the maximum ({max}).',
  },
  'definition.minLengthAboveMaxLength': {
    vi: 'Độ dài tối thiểu ({min}) lớn hơn độ dài tối đa ({max}).',
    en: 'The minimum length ({min}) is greater than the maximum length ({max}).',
  },
  'definition.unknownPage': {
    vi: 'Biểu mẫu không có trang “{page}”.',
    en: 'The form has no page “{page}”.',
  },
  'definition.duplicatePage': {
    vi: 'Mã trang “{key}” bị lặp lại.',
    en: 'The page key “{key}” appears more than once.',
  },
  'definition.emptyPage': {
    vi: 'Trang “{page}” chưa có trường thông tin nào.',
    en: 'No field is on the page “{page}”.',
  },
  'definition.condition': {
    vi: 'Điều kiện hiển thị phải có đúng một dạng: field kèm equals, in hoặc notEmpty; hoặc all; hoặc any.',
    en: 'A display condition must be exactly one of: field with equals, in or notEmpty; all; any.',
  },
  'definition.showIfMissing': {
    vi: 'Điều kiện hiển thị dẫn chiếu trường “{field}” không có trong biểu mẫu.',
    en: 'The display condition refers to a field “{field}” that is not in the form.',
  },
  'definition.showIfCycle': {
    vi: 'Các điều kiện hiển thị dẫn chiếu vòng tròn: {cycle}.',
    en: 'The display conditions refer to each other in a loop: {cycle}.',
  },
  'definition.conditionValue': {
    vi: 'Giá trị {value} không phù hợp với trường “{field}” (loại {type}).',
    en: 'The value {value} does not suit the field “{field}” (of type {type}).',
  },
  'definition.conditionNotSupported': {
    vi: 'Trường “{field}” (loại {type}) chỉ dùng được với điều kiện notEmpty.',
    en: 'The field “{field}” (of type {type}) can only be used with notEmpty.',
  },
  'definition.agencyCode': {
    vi: 'Mã cơ quan chỉ gồm chữ in hoa, chữ số, dấu chấm, dấu gạch ngang (tối đa 40 ký tự).',
    en: 'An agency code has capital letters, digits, dots and hyphens only (at most 40 characters).',
  },
  'definition.unknownAgency': {
    vi: 'Không có cơ quan mã “{code}”.',
    en: 'There is no agency with the code “{code}”.',
  },
  'definition.processingTime': {
    vi: 'Thời hạn giải quyết phải có đúng một trong hai: workingDays (ngày làm việc) hoặc workingHours (giờ làm việc).',
    en: 'The processing time must have exactly one of workingDays or workingHours.',
  },
  'definition.positiveNumber': {
    vi: 'Giá trị phải lớn hơn 0.',
    en: 'This must be greater than zero.',
  },
  'definition.feeAmount': {
    vi: 'Mức phí, lệ phí phải là số nguyên đồng, không âm (0 nếu miễn phí).',
    en: 'The fee must be a whole number of đồng, zero or more (0 when free).',
  },
  'definition.cutoff': {
    vi: 'Giờ phải viết theo dạng HH:mm (ví dụ 15:30).',
    en: 'The time must be written HH:mm (for example 15:30).',
  },
  'definition.cutoffNotSameDay': {
    vi: 'Giờ tiếp nhận cuối trong ngày chỉ áp dụng cho thủ tục có thời hạn giải quyết không quá 1 ngày làm việc.',
    en: 'A same-day cutoff only applies to a procedure processed within one working day.',
  },
  'definition.componentCode': {
    vi: 'Mã thành phần hồ sơ chỉ gồm chữ cái không dấu, chữ số, dấu gạch dưới, dấu gạch ngang (tối đa 40 ký tự).',
    en: 'A component code has letters without diacritics, digits, underscores and hyphens only (at most 40 characters).',
  },
  'definition.duplicateComponent': {
    vi: 'Mã thành phần hồ sơ “{code}” bị lặp lại.',
    en: 'The component code “{code}” appears more than once.',
  },
  'definition.mimeType': {
    vi: 'Kiểu tệp “{type}” không hợp lệ (ví dụ đúng: application/pdf).',
    en: 'The file type “{type}” is not valid (for example: application/pdf).',
  },
  'definition.mimeTypeNotRecognisable': {
    vi: 'Hệ thống không nhận diện được kiểu tệp “{type}” từ nội dung tệp, nên mọi tệp kiểu này sẽ bị từ chối.',
    en: 'The portal cannot recognise the file type “{type}” from a file’s content, so every such file would be refused.',
  },
  'definition.satisfiedBy': {
    vi: 'satisfiedBy phải có đúng một trong hai: profile hoặc resultOf.',
    en: 'satisfiedBy must have exactly one of profile or resultOf.',
  },
  'definition.unknownResult': {
    vi: 'Không có thủ tục mã “{code}” để dùng kết quả thay cho thành phần hồ sơ.',
    en: 'There is no procedure with the code “{code}” whose result could stand in for this document.',
  },
  'definition.duplicateStep': {
    vi: 'Mã bước “{key}” bị lặp lại.',
    en: 'The step key “{key}” appears more than once.',
  },
  'definition.share': {
    vi: 'Tỷ lệ thời gian của bước phải lớn hơn 0 và không quá 1.',
    en: 'A step’s share of the processing time must be greater than 0 and at most 1.',
  },
  'definition.sharesSum': {
    vi: 'Tổng tỷ lệ thời gian của các bước phải bằng 1 (hiện tại là {sum}).',
    en: 'The steps’ shares of the processing time must add up to 1 (they add up to {sum}).',
  },

  // ── Components (thành phần hồ sơ) ──────────────────────────────────────
  'component.required': {
    vi: 'Vui lòng nộp thành phần hồ sơ này.',
    en: 'Please attach this document.',
  },
  'component.unknown': {
    vi: 'Thủ tục không có thành phần hồ sơ mã “{code}”.',
    en: 'This procedure has no document with the code “{code}”.',
  },
  'component.empty': {
    vi: 'Tệp đính kèm không có nội dung.',
    en: 'The attached file is empty.',
  },
  'component.unrecognisedType': {
    vi: 'Không nhận diện được loại tệp. Vui lòng nộp tệp {accept}.',
    en: 'The type of this file could not be recognised. Please attach a {accept} file.',
  },
  'component.type': {
    vi: 'Không chấp nhận tệp loại {type}. Vui lòng nộp tệp {accept}.',
    en: 'Files of type {type} are not accepted. Please attach a {accept} file.',
  },
  'component.tooLarge': {
    vi: 'Tệp quá lớn ({size} MB). Dung lượng tối đa là {max} MB.',
    en: 'The file is too large ({size} MB). The largest accepted is {max} MB.',
  },
} as const satisfies Record<string, LocalizedMessage>;

export type FormMessageCode = keyof typeof FORM_MESSAGES;

export function isFormMessageCode(code: string): code is FormMessageCode {
  return Object.hasOwn(FORM_MESSAGES, code);
}

const numberFormats = {
  vi: new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 6 }),
  en: new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 }),
};

function fill(template: string, params: MessageParams | undefined, lang: 'vi' | 'en'): string {
  if (params === undefined) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!Object.hasOwn(params, name)) return whole;
    const value = params[name];
    return typeof value === 'number' ? numberFormats[lang].format(value) : value;
  });
}

/** The message of `code` in both languages, with its `{placeholders}` filled. */
export function formMessage(code: FormMessageCode, params?: MessageParams): LocalizedMessage {
  const entry: LocalizedMessage = FORM_MESSAGES[code];
  return { vi: fill(entry.vi, params, 'vi'), en: fill(entry.en, params, 'en') };
}

/** An error at `path`; `message` replaces the catalogue's text (an administrator's own `patternMessage`). */
export function formError(path: string, code: FormMessageCode, params?: MessageParams, message?: LocalizedMessage): FormError {
  const text = message ?? formMessage(code, params);
  return params === undefined ? { path, code, message: text } : { path, code, params, message: text };
}
