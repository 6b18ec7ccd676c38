import { describe, expect, it } from 'vitest';
import { timeline, type TimelineEvent } from './timeline.js';

const at = (iso: string) => new Date(iso);
const event = (over: Partial<TimelineEvent>): TimelineEvent => ({
  at: at('2026-02-16T02:00:00Z'),
  action: 'create',
  actorRole: 'CITIZEN',
  fromStatus: null,
  toStatus: 'DRAFT',
  comment: null,
  data: {},
  ...over,
});

describe('the timeline', () => {
  it('tells each event: what, when in local time, who', () => {
    const items = timeline(
      [
        event({}),
        event({ action: 'submit', fromStatus: 'DRAFT', toStatus: 'SUBMITTED', at: at('2026-02-16T09:30:00Z') }),
        event({
          action: 'receive',
          actorRole: 'RECEPTIONIST',
          fromStatus: 'SUBMITTED',
          toStatus: 'IN_PROGRESS',
          at: at('2026-02-16T17:05:00Z'),
        }),
      ],
      'vi',
    );
    expect(items.map((i) => [i.title, i.when, i.who])).toEqual([
      ['Tạo bản nháp', '16/02/2026 09:00', 'Bạn'],
      ['Nộp hồ sơ trực tuyến', '16/02/2026 16:30', 'Bạn'],
      ['Tiếp nhận hồ sơ', '17/02/2026 00:05', 'Cán bộ một cửa'],
    ]);
    expect(items[0].iso).toBe('2026-02-16T02:00:00.000Z');
  });

  it('lists what a supplement request asks for, with its comment, and tells the stage', () => {
    const [reception, processing] = timeline(
      [
        event({
          action: 'request-supplement',
          actorRole: 'RECEPTIONIST',
          fromStatus: 'SUBMITTED',
          toStatus: 'RECEPTION_SUPPLEMENT',
          comment: 'Ảnh mờ',
          data: { items: ['Giấy chứng sinh bản rõ nét', 42] },
        }),
        event({ action: 'request-supplement', actorRole: 'SPECIALIST', fromStatus: 'IN_PROGRESS', toStatus: 'SUPPLEMENT_REQUESTED' }),
      ],
      'en',
    );
    expect(reception).toMatchObject({
      title: 'Supplement requested before reception',
      who: 'One-stop counter officer',
      comment: 'Ảnh mờ',
      items: ['Giấy chứng sinh bản rõ nét'],
    });
    expect(processing).toMatchObject({ title: 'Supplement requested', who: 'Specialist', items: [] });
  });

  it('keeps the officers’ notes to each other out, but shows that the dossier moved on', () => {
    const items = timeline(
      [
        event({ action: 'forward', actorRole: 'SPECIALIST', fromStatus: 'IN_PROGRESS', toStatus: 'IN_PROGRESS', comment: 'nội bộ' }),
        event({
          action: 'propose-rejection',
          actorRole: 'SPECIALIST',
          fromStatus: 'IN_PROGRESS',
          toStatus: 'AWAITING_APPROVAL',
          comment: 'nội bộ',
        }),
        event({ action: 'send-back', actorRole: 'LEADER', fromStatus: 'AWAITING_APPROVAL', toStatus: 'IN_PROGRESS', comment: 'nội bộ' }),
      ],
      'vi',
    );
    expect(items.map((i) => i.title)).toEqual(['Chuyển bước xử lý', 'Trình lãnh đạo phê duyệt', 'Tiếp tục xử lý']);
    expect(items.map((i) => i.comment)).toEqual([null, null, null]);
  });

  it('tells an approval from a refusal, and the new appointment of an extension with its reason', () => {
    const [approved, refused, extended, answered] = timeline(
      [
        event({ action: 'approve', actorRole: 'LEADER', fromStatus: 'AWAITING_APPROVAL', toStatus: 'RESULT_READY' }),
        event({ action: 'approve', actorRole: 'LEADER', fromStatus: 'AWAITING_APPROVAL', toStatus: 'REJECTED' }),
        event({
          action: 'extend',
          actorRole: 'LEADER',
          fromStatus: 'IN_PROGRESS',
          toStatus: 'IN_PROGRESS',
          data: { reason: 'Cần xác minh', newDueAt: '2026-02-20T10:00:00.000Z' },
        }),
        event({ action: 'answer-supplement', fromStatus: 'SUPPLEMENT_REQUESTED', toStatus: 'IN_PROGRESS', data: { dueAt: 'not a date' } }),
      ],
      'vi',
    );
    expect(approved.title).toBe('Phê duyệt, ký kết quả');
    expect(refused.title).toBe('Từ chối giải quyết');
    expect(extended).toMatchObject({
      title: 'Gia hạn giải quyết',
      notes: ['Ngày hẹn trả kết quả mới: 20/02/2026 17:00', 'Lý do: Cần xác minh'],
    });
    expect(answered.notes).toEqual([]);
  });

  it('tells an event it does not know only when the status changed, and the portal as "the portal"', () => {
    const items = timeline(
      [
        event({ action: 'assign', actorRole: 'LEADER', fromStatus: 'IN_PROGRESS', toStatus: 'IN_PROGRESS' }),
        event({ action: 'counter-intake', actorRole: 'RECEPTIONIST', fromStatus: null, toStatus: 'IN_PROGRESS' }),
        event({ action: 'stop', actorRole: 'SYSTEM', fromStatus: 'SUPPLEMENT_REQUESTED', toStatus: 'STOPPED' }),
      ],
      'en',
    );
    expect(items.map((i) => [i.title, i.who])).toEqual([
      ['Status changed to: Being processed', 'One-stop counter officer'],
      ['Stopped: no supplement in time', 'The portal'],
    ]);
  });
});
