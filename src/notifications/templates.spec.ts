import { describe, expect, it } from 'vitest';
import { NOTIFICATION_KINDS } from '../dossiers/notifications.js';
import { dossierUrl, formatLocal, MESSAGE_KINDS, renderEmail, renderMessage, type MessageParams } from './templates.js';

const params: MessageParams = {
  code: 'H12.05-251121-0007',
  procedureCode: '1.001193',
  procedureName: { vi: 'Đăng ký khai sinh', en: 'Birth registration' },
  status: 'IN_PROGRESS',
  dueAt: '2025-11-25T02:00:00.000Z', // 09:00 in Hà Nội
  rescheduledAt: '2025-12-01T10:00:00.000Z',
  supplementDueAt: '2025-12-12T10:00:00.000Z',
  submittedAt: '2025-11-21T01:15:00.000Z',
  reason: 'Thiếu chữ ký của người đi khai',
  items: ['Bản sao giấy chứng sinh', 'Tờ khai có chữ ký'],
};
const LINK = 'https://dichvucong.example.gov.vn/dossiers/3f0c';

describe('formatLocal', () => {
  it('writes an instant as Hà Nội time, DD/MM/YYYY HH:mm', () => {
    expect(formatLocal('2025-11-25T02:00:00Z')).toBe('25/11/2025 09:00');
    expect(formatLocal('2025-12-31T17:30:00Z')).toBe('01/01/2026 00:30'); // the next local day, and year
    expect(formatLocal('2026-02-28T16:59:59.999Z')).toBe('28/02/2026 23:59');
  });

  it('shows a dash for no date or a bad one', () => {
    expect(formatLocal(null)).toBe('—');
    expect(formatLocal(undefined)).toBe('—');
    expect(formatLocal('not a date')).toBe('—');
  });
});

describe('renderMessage', () => {
  it('has a template for every notification the lifecycle writes, and the staff alerts', () => {
    for (const kind of NOTIFICATION_KINDS) expect(MESSAGE_KINDS).toContain(kind);
    expect(MESSAGE_KINDS).toEqual(expect.arrayContaining(['dossier.due-soon', 'dossier.overdue', 'dossier.reception-late']));
  });

  it.each(MESSAGE_KINDS.flatMap((kind) => [[kind, 'vi'] as const, [kind, 'en'] as const]))('%s in %s is complete text', (kind, lang) => {
    const m = renderMessage(kind, params, lang);
    expect(m.subject.trim()).not.toBe('');
    expect(m.body.length).toBeGreaterThan(0);
    const all = [m.subject, ...m.body].join('\n');
    expect(all).not.toMatch(/undefined|null|NaN|\[object|\{|\}/);
    expect(all).toContain('1.001193');
  });

  it('gives the code and the due date, in local time, when a dossier is received', () => {
    expect(renderMessage('dossier.received', params, 'vi')).toEqual({
      subject: 'Hồ sơ H12.05-251121-0007 đã được tiếp nhận',
      body: [
        'Hồ sơ thủ tục 1.001193 – Đăng ký khai sinh của bạn đã được tiếp nhận, mã hồ sơ H12.05-251121-0007.',
        'Hạn trả kết quả: 25/11/2025 09:00.',
      ],
    });
    expect(renderMessage('dossier.received', params, 'en').body).toEqual([
      'Your dossier for 1.001193 – Birth registration has been received under code H12.05-251121-0007.',
      'Result due: 25/11/2025 09:00.',
    ]);
  });

  it('names the procedure in the reader’s language, or by its code alone', () => {
    expect(renderMessage('dossier.submitted', params, 'en').subject).toBe('Dossier filed: 1.001193 – Birth registration');
    expect(renderMessage('dossier.submitted', { ...params, procedureName: { vi: 'Đăng ký khai sinh' } }, 'en').subject).toBe(
      'Dossier filed: 1.001193 – Đăng ký khai sinh',
    );
    expect(renderMessage('dossier.submitted', { ...params, procedureName: null }, 'vi').subject).toBe('Đã nộp hồ sơ thủ tục 1.001193');
  });

  it('lists what to supplement and by when', () => {
    const m = renderMessage('dossier.supplement-requested', params, 'vi');
    expect(m.body).toEqual([
      'Cơ quan giải quyết đề nghị bạn bổ sung hồ sơ H12.05-251121-0007 (thủ tục 1.001193 – Đăng ký khai sinh).',
      'Nội dung cần bổ sung:',
      '- Bản sao giấy chứng sinh',
      '- Tờ khai có chữ ký',
      'Hạn bổ sung: 12/12/2025 17:00. Quá thời hạn này mà chưa bổ sung, hồ sơ sẽ bị dừng xử lý.',
    ]);
    // At reception the dossier has no code yet; without a known deadline the line is left out.
    const atReception = renderMessage('dossier.supplement-requested', { ...params, code: null, items: null, supplementDueAt: null }, 'en');
    expect(atReception).toEqual({
      subject: 'Dossier for 1.001193 – Birth registration needs a supplement',
      body: ['The agency asks you to supplement the dossier for 1.001193 – Birth registration.'],
    });
    expect(renderMessage('dossier.supplement-requested', { ...params, code: null, items: null }, 'vi').subject).toBe(
      'Hồ sơ thủ tục 1.001193 – Đăng ký khai sinh cần bổ sung',
    );
  });

  it('tells a refusal at reception from a refusal after processing, with the reason', () => {
    expect(renderMessage('dossier.rejected', { ...params, code: null }, 'vi')).toEqual({
      subject: 'Hồ sơ thủ tục 1.001193 – Đăng ký khai sinh không được tiếp nhận',
      body: ['Hồ sơ thủ tục 1.001193 – Đăng ký khai sinh của bạn không được tiếp nhận.', 'Lý do: Thiếu chữ ký của người đi khai'],
    });
    expect(renderMessage('dossier.rejected', params, 'en').subject).toBe('Dossier H12.05-251121-0007 refused');
  });

  it('starts a sentence with a capital', () => {
    expect(renderMessage('dossier.stopped', params, 'vi').body[0]).toMatch(
      /^Hồ sơ H12\.05-251121-0007 \(thủ tục 1\.001193 – Đăng ký khai sinh\) đã bị dừng/,
    );
    expect(renderMessage('dossier.overdue', params, 'en').body[0]).toBe(
      'Dossier H12.05-251121-0007 (1.001193 – Birth registration) is past its due date, 25/11/2025 09:00.',
    );
  });

  it('apologises with the new appointment after an extension', () => {
    expect(renderMessage('dossier.extended', params, 'vi').body).toEqual([
      'Cơ quan giải quyết xin lỗi vì hồ sơ H12.05-251121-0007 (thủ tục 1.001193 – Đăng ký khai sinh) chưa thể trả kết quả đúng hạn 25/11/2025 09:00.',
      'Lý do: Thiếu chữ ký của người đi khai',
      'Thời hạn trả kết quả mới: 01/12/2025 17:00.',
    ]);
  });

  it('tells the counter when an online dossier waits past its 8 working hours', () => {
    expect(renderMessage('dossier.reception-late', params, 'vi').body[0]).toBe(
      'Hồ sơ thủ tục 1.001193 – Đăng ký khai sinh nộp trực tuyến lúc 21/11/2025 08:15 chưa được tiếp nhận, đề nghị bổ sung hay từ chối trong 8 giờ làm việc (hạn 25/11/2025 09:00).',
    );
  });
});

describe('renderEmail', () => {
  it('puts Vietnamese first and English below, each with the link to the dossier', () => {
    const mail = renderEmail('dossier.received', params, LINK);
    expect(mail.subject).toBe('Hồ sơ H12.05-251121-0007 đã được tiếp nhận / Dossier H12.05-251121-0007 received');
    expect(mail.text).toBe(
      [
        'Hồ sơ thủ tục 1.001193 – Đăng ký khai sinh của bạn đã được tiếp nhận, mã hồ sơ H12.05-251121-0007.',
        'Hạn trả kết quả: 25/11/2025 09:00.',
        '',
        `Xem hồ sơ: ${LINK}`,
        '',
        'Đây là thư tự động của Cổng dịch vụ công, vui lòng không trả lời thư này.',
        '',
        '— English —',
        '',
        'Your dossier for 1.001193 – Birth registration has been received under code H12.05-251121-0007.',
        'Result due: 25/11/2025 09:00.',
        '',
        `View the dossier: ${LINK}`,
        '',
        'This is an automatic message from the public-service portal; please do not reply to it.',
        '',
      ].join('\n'),
    );
  });

  it('links to the dossier page under the public URL', () => {
    expect(dossierUrl('https://dichvucong.example.gov.vn/', 'abc')).toBe('https://dichvucong.example.gov.vn/dossiers/abc');
    expect(dossierUrl('http://localhost:3000', 'abc')).toBe('http://localhost:3000/dossiers/abc');
  });
});
