/**
 * The fixed Vietnamese wording of the one-stop forms. The forms are legal
 * documents issued in Vietnamese only, so their words live here beside the
 * layout rather than in the pages' vi/en catalogue.
 */
import type { Channel } from '../dossiers/dossier.entity.js';
import type { DossierStatus } from '../dossiers/lifecycle.js';
import type { ProfileFact } from '../procedures/forms/definition.js';
import type { DocumentForm } from './document-view.js';

export const TITLES: Record<DocumentForm, string> = {
  '01': 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
  '02': 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ',
  '03': 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ',
  '04': 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ',
  '05': 'PHIẾU DỪNG GIẢI QUYẾT HỒ SƠ',
  '06': 'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ',
};

export const CHANNELS: Record<Channel, string> = {
  ONLINE: 'Trực tuyến, qua Cổng dịch vụ công',
  COUNTER: 'Trực tiếp tại Bộ phận một cửa',
};

export const ROLES: Record<string, string> = {
  CITIZEN: 'Người nộp hồ sơ',
  RECEPTIONIST: 'Cán bộ một cửa',
  SPECIALIST: 'Chuyên viên',
  LEADER: 'Lãnh đạo',
  MANAGER: 'Cán bộ giám sát',
  ADMIN: 'Quản trị viên',
  SYSTEM: 'Hệ thống (tự động)',
};

/** A workflow step without a name of its own is called after the role that acts at it. */
export const STEP_BY_ROLE: Record<string, string> = {
  RECEPTIONIST: 'Tiếp nhận hồ sơ',
  SPECIALIST: 'Thẩm định, xử lý hồ sơ',
  LEADER: 'Phê duyệt',
};

/** What the holder was doing while the dossier was in a status without a workflow step. */
export const STAGE_BY_STATUS: Partial<Record<DossierStatus, string>> = {
  DRAFT: 'Nộp hồ sơ',
  SUBMITTED: 'Tiếp nhận hồ sơ',
  RECEPTION_SUPPLEMENT: 'Bổ sung hồ sơ',
  SUPPLEMENT_REQUESTED: 'Bổ sung hồ sơ',
  RESULT_READY: 'Trả kết quả',
};

export const ACTIONS: Record<string, string> = {
  submit: 'Nộp hồ sơ',
  receive: 'Tiếp nhận hồ sơ',
  'counter-intake': 'Tiếp nhận hồ sơ tại Bộ phận một cửa',
  'request-supplement': 'Yêu cầu bổ sung hồ sơ',
  'answer-supplement': 'Đã bổ sung hồ sơ',
  reject: 'Từ chối tiếp nhận',
  forward: 'Chuyển bước xử lý',
  'propose-result': 'Trình phê duyệt kết quả',
  'propose-rejection': 'Trình phê duyệt từ chối giải quyết',
  'send-back': 'Trả lại để xử lý lại',
  approve: 'Phê duyệt',
  extend: 'Gia hạn, hẹn lại ngày trả kết quả',
  'return-result': 'Trả kết quả',
  withdraw: 'Rút hồ sơ',
  stop: 'Dừng giải quyết',
};

export const COUNTER = 'Bộ phận một cửa';
export const ON_TIME = 'Đúng hạn';
export const LATE = 'Trễ hạn';

export const PROFILE_FACTS: Record<ProfileFact, string> = {
  citizenId: 'số định danh cá nhân',
  fullName: 'họ và tên',
  residence: 'nơi cư trú',
};

export const FILE_SOURCES: Record<string, string> = {
  UPLOAD: 'Bản điện tử nộp trực tuyến',
  SUPPLEMENT: 'Bản điện tử nộp bổ sung',
  SCAN: 'Bản quét tại Bộ phận một cửa',
};
