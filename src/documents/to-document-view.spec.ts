import { describe, expect, it } from 'vitest';
import { dossier, event, IDS, refusedAfterProcessing, source } from '../../test/helpers/document-view-fixtures.js';
import type { DossierDetail } from '../dossiers/dossier-queries.service.js';
import { WorkCalendar } from '../calendar/working-time.js';
import { toDocumentView } from './to-document-view.js';

const at = (iso: string) => new Date(iso);

function stoppedDetail(): DossierDetail {
  const base = refusedAfterProcessing();
  const events = [
    ...base.events.slice(0, 4), // create, submit, receive, request-supplement
    event({
      at: at('2026-12-16T01:00:00Z'),
      action: 'stop',
      fromStatus: 'SUPPLEMENT_REQUESTED',
      fromStep: 'processing',
      toStatus: 'STOPPED',
    }),
  ];
  return {
    ...base,
    events,
    dossier: dossier({ status: 'STOPPED', receivedAt: at('2026-11-23T02:00:00Z'), dueAt: at('2026-12-07T02:00:00Z') }),
  };
}

function refusedAtReception(): DossierDetail {
  const events = [
    event({ at: at('2026-11-20T03:00:00Z'), action: 'create', actorId: IDS.citizen, actorRole: 'CITIZEN', toStatus: 'DRAFT' }),
    event({
      at: at('2026-11-20T03:05:00Z'),
      action: 'submit',
      actorId: IDS.citizen,
      actorRole: 'CITIZEN',
      fromStatus: 'DRAFT',
      toStatus: 'SUBMITTED',
    }),
    event({
      at: at('2026-11-20T04:00:00Z'),
      action: 'reject',
      actorId: IDS.receptionist,
      actorRole: 'RECEPTIONIST',
      fromStatus: 'SUBMITTED',
      toStatus: 'REJECTED',
    }),
  ];
  return {
    ...refusedAfterProcessing(),
    events,
    files: [],
    dossier: dossier({ code: null, status: 'REJECTED', reason: 'Không thuộc thẩm quyền giải quyết của xã' }),
  };
}

describe('the document head', () => {
  it('names the agency and its parent, the code, the date of the event in words, and the lookup address', () => {
    const view = toDocumentView('02', source(refusedAfterProcessing()))!;
    expect(view.head).toEqual({
      form: '02',
      title: 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ',
      parentAgency: 'UBND tỉnh Minh Hà',
      agency: 'UBND xã An Phú',
      code: 'H12.05-261123-0007',
      placeAndDate: '……, ngày 24 tháng 11 năm 2026',
      issuedAt: at('2026-11-24T02:00:00Z'),
      lookupUrl: 'https://dichvucong.example.vn/lookup/H12.05-261123-0007',
      fileName: 'H12.05-261123-0007-02.pdf',
    });
  });

  it('has no code, lookup address or QR for a dossier refused before reception', () => {
    const view = toDocumentView('03', source(refusedAtReception()))!;
    expect(view.head).toMatchObject({ code: null, lookupUrl: null, fileName: 'ho-so-0b6c1a3e-03.pdf' });
  });
});

describe('Form 01, the receipt with the appointment', () => {
  it('lists the current files and the components replaced by data, the reception and the appointment in local time', () => {
    const view = toDocumentView('01', source(refusedAfterProcessing()));
    expect(view).toMatchObject({
      form: '01',
      applicant: { name: 'Nguyễn Văn An', citizenId: '001090000001' },
      procedureName: 'Đăng ký khai sinh',
      components: [
        { name: 'Giấy chứng sinh', detail: 'Bản điện tử nộp bổ sung: giay-chung-sinh.pdf' },
        {
          name: 'Căn cước của người đi khai',
          detail: 'Không phải nộp: thay thế bằng số định danh cá nhân trong Cơ sở dữ liệu quốc gia về dân cư',
        },
      ],
      processingTime: '10 ngày làm việc',
      receivedAt: '09 giờ 00 phút, ngày 23 tháng 11 năm 2026',
      dueAt: '09 giờ 00 phút, ngày 09 tháng 12 năm 2026',
      rescheduledAt: '17 giờ 00 phút, ngày 14 tháng 12 năm 2026',
      channel: 'Trực tuyến, qua Cổng dịch vụ công',
      signatures: [
        { title: 'NGƯỜI NỘP HỒ SƠ', name: 'Nguyễn Văn An' },
        { title: 'NGƯỜI TIẾP NHẬN HỒ SƠ', name: 'Trần Thu Hà' },
      ],
    });
    expect(view?.head.placeAndDate).toBe('……, ngày 23 tháng 11 năm 2026');
  });

  it('does not exist before reception', () => {
    expect(toDocumentView('01', source(refusedAtReception()))).toBeNull();
    expect(toDocumentView('06', source(refusedAtReception()))).toBeNull();
  });

  it('names the officer of a counter intake too', () => {
    const detail = refusedAfterProcessing();
    detail.events = [
      event({
        at: at('2026-11-23T02:00:00Z'),
        action: 'counter-intake',
        actorId: IDS.receptionist,
        actorRole: 'RECEPTIONIST',
        toStatus: 'IN_PROGRESS',
        toStep: 'processing',
      }),
    ];
    detail.dossier.channel = 'COUNTER';
    expect(toDocumentView('01', source(detail))).toMatchObject({
      channel: 'Trực tiếp tại Bộ phận một cửa',
      signatures: [expect.anything(), { title: 'NGƯỜI TIẾP NHẬN HỒ SƠ', name: 'Trần Thu Hà' }],
    });
  });
});

describe('Form 02, the supplement request', () => {
  it('takes the items and the reason from the request event and recomputes a deadline no longer on the dossier', () => {
    expect(toDocumentView('02', source(refusedAfterProcessing()))).toMatchObject({
      stage: 'Trong quá trình giải quyết hồ sơ',
      items: ['Bản sao giấy chứng sinh rõ nét', 'Giấy xác nhận cư trú'],
      reason: 'Bản chụp bị mờ',
      // 15 working days from Tuesday 24 November 09:00.
      deadline: '09 giờ 00 phút, ngày 15 tháng 12 năm 2026',
      note: expect.stringContaining('dừng giải quyết'),
      signatures: [{ title: 'NGƯỜI HƯỚNG DẪN', name: 'Lê Minh Tuấn' }],
    });
  });

  it("shows the dossier's own deadline while the request waits", () => {
    const detail = stoppedDetail();
    detail.events = detail.events.slice(0, 4);
    detail.dossier.status = 'SUPPLEMENT_REQUESTED';
    detail.dossier.supplementDueAt = at('2026-12-20T10:00:00Z');
    expect(toDocumentView('02', source(detail))).toMatchObject({ deadline: '17 giờ 00 phút, ngày 20 tháng 12 năm 2026' });
  });

  it('does not exist without a request', () => {
    expect(toDocumentView('02', source(refusedAtReception()))).toBeNull();
  });
});

describe('Form 03, the refusal', () => {
  it('at reception: the reason, signed by the receptionist', () => {
    expect(toDocumentView('03', source(refusedAtReception()))).toMatchObject({
      atReception: true,
      reason: 'Không thuộc thẩm quyền giải quyết của xã',
      signatures: [{ title: 'NGƯỜI TIẾP NHẬN HỒ SƠ', name: 'Trần Thu Hà' }],
      head: { placeAndDate: '……, ngày 20 tháng 11 năm 2026' },
    });
  });

  it('after processing: the approved refusal, signed by the leader', () => {
    expect(toDocumentView('03', source(refusedAfterProcessing()))).toMatchObject({
      atReception: false,
      reason: 'Người đi khai không phải cha, mẹ hoặc người thân thích của trẻ',
      signatures: [{ title: 'THỦ TRƯỞNG CƠ QUAN', name: 'Phạm Quốc Bảo' }],
    });
  });

  it('does not exist for a dossier that was not refused', () => {
    expect(toDocumentView('03', source(stoppedDetail()))).toBeNull();
  });
});

describe('Form 04, the apology and new appointment', () => {
  it('keeps the legal due date and gives the new appointment and the reason of the extend event', () => {
    expect(toDocumentView('04', source(refusedAfterProcessing()))).toMatchObject({
      receivedAt: '09 giờ 00 phút, ngày 23 tháng 11 năm 2026',
      dueAt: '09 giờ 00 phút, ngày 09 tháng 12 năm 2026',
      reason: 'Cần xác minh tại nơi cư trú',
      newDueAt: '17 giờ 00 phút, ngày 14 tháng 12 năm 2026',
      signatures: [{ name: 'Lê Minh Tuấn' }],
      head: { placeAndDate: '……, ngày 26 tháng 11 năm 2026' },
    });
    expect(toDocumentView('04', source(stoppedDetail()))).toBeNull();
  });
});

describe('Form 05, the stop notice', () => {
  it('repeats the request that went unanswered and its deadline, issued by the agency', () => {
    expect(toDocumentView('05', source(stoppedDetail()))).toMatchObject({
      requestedAt: '09 giờ 00 phút, ngày 24 tháng 11 năm 2026',
      items: ['Bản sao giấy chứng sinh rõ nét', 'Giấy xác nhận cư trú'],
      deadline: '09 giờ 00 phút, ngày 15 tháng 12 năm 2026',
      signatures: [{ title: 'CƠ QUAN GIẢI QUYẾT HỒ SƠ', hint: '(Ký, đóng dấu)', name: 'UBND xã An Phú' }],
      head: { placeAndDate: '……, ngày 16 tháng 12 năm 2026' },
    });
    expect(toDocumentView('05', source(refusedAfterProcessing()))).toBeNull();
  });
});

describe('Form 06, the tracking slip', () => {
  it('has one row per hand-over, with the deadline of the work handed over and whether it was met', () => {
    const view = toDocumentView('06', source(refusedAfterProcessing()));
    expect(view?.form).toBe('06');
    if (view?.form !== '06') return;
    expect(view.dueAt).toBe('17 giờ 00 phút, ngày 14 tháng 12 năm 2026'); // the appointment the citizen holds
    expect(view.rows).toEqual([
      {
        from: 'Nguyễn Văn An (Người nộp hồ sơ)',
        to: 'Bộ phận một cửa (Trần Thu Hà)',
        step: 'Nộp hồ sơ',
        at: '10:05 20/11/2026',
        due: null,
        result: '',
        comment: 'Nộp hồ sơ',
      },
      {
        from: 'Trần Thu Hà (Cán bộ một cửa)',
        to: 'Thẩm định, xử lý hồ sơ (Lê Minh Tuấn)',
        step: 'Tiếp nhận hồ sơ',
        at: '09:00 23/11/2026',
        // The counter's 8 working hours from Friday 10:05: 5 h 25 on Friday, 2 h 35 on Monday.
        due: '10:05 23/11/2026',
        result: 'Đúng hạn',
        comment: 'Tiếp nhận hồ sơ',
      },
      {
        from: 'Lê Minh Tuấn (Chuyên viên)',
        to: 'Nguyễn Văn An (Người nộp hồ sơ)',
        step: 'Thẩm định, xử lý hồ sơ',
        at: '09:00 24/11/2026',
        // Reception and processing shares (0.1 + 0.6) of 10 days: 7 working days from Monday 09:00.
        due: '09:00 02/12/2026',
        result: 'Đúng hạn',
        comment: 'Yêu cầu bổ sung hồ sơ: Bản chụp bị mờ',
      },
      {
        from: 'Nguyễn Văn An (Người nộp hồ sơ)',
        to: 'Thẩm định, xử lý hồ sơ (Lê Minh Tuấn)',
        step: 'Bổ sung hồ sơ',
        at: '09:00 25/11/2026',
        due: '09:00 15/12/2026',
        result: 'Đúng hạn',
        comment: 'Đã bổ sung hồ sơ: Đã bổ sung',
      },
      {
        from: 'Lê Minh Tuấn (Chuyên viên)',
        to: 'Phê duyệt (Phạm Quốc Bảo)',
        step: 'Thẩm định, xử lý hồ sơ',
        at: '09:00 27/11/2026',
        // The clock restarted at the answer (Wednesday 09:00): 7 working days from then.
        due: '09:00 04/12/2026',
        result: 'Đúng hạn',
        comment: 'Trình phê duyệt từ chối giải quyết: Không đủ điều kiện',
      },
      {
        from: 'Phạm Quốc Bảo (Lãnh đạo)',
        to: 'Nguyễn Văn An (Người nộp hồ sơ)',
        step: 'Phê duyệt',
        at: '09:00 10/12/2026',
        due: '09:00 09/12/2026',
        result: 'Trễ hạn',
        comment: 'Phê duyệt',
      },
    ]);
  });

  it('shows an inter-agency forward with the receiving agency, and the portal as the actor of a stop', () => {
    const detail = stoppedDetail();
    detail.events.splice(
      3,
      0,
      event({
        at: at('2026-11-23T08:00:00Z'),
        action: 'forward',
        actorId: IDS.specialist,
        actorRole: 'SPECIALIST',
        fromStatus: 'IN_PROGRESS',
        fromStep: 'processing',
        toStatus: 'IN_PROGRESS',
        toStep: 'processing',
        data: { toStep: 'processing', toAgencyId: IDS.otherAgency },
      }),
    );
    const view = toDocumentView('06', source(detail));
    if (view?.form !== '06') throw new Error('no tracking slip');
    expect(view.rows.map((r) => [r.from, r.to])).toEqual([
      ['Nguyễn Văn An (Người nộp hồ sơ)', 'Bộ phận một cửa (Trần Thu Hà)'],
      ['Trần Thu Hà (Cán bộ một cửa)', 'Thẩm định, xử lý hồ sơ (Lê Minh Tuấn)'],
      ['Lê Minh Tuấn (Chuyên viên)', 'Thẩm định, xử lý hồ sơ, UBND phường Hoà Bình (Lê Minh Tuấn)'],
      ['Lê Minh Tuấn (Chuyên viên)', 'Nguyễn Văn An (Người nộp hồ sơ)'],
      ['Hệ thống (tự động)', 'Nguyễn Văn An (Người nộp hồ sơ)'],
    ]);
    expect(view.rows.at(-1)).toMatchObject({ due: '09:00 15/12/2026', result: 'Trễ hạn', comment: 'Dừng giải quyết' });
  });
});

describe('deadlines recorded by the events', () => {
  // What the lifecycle recorded on the day of each event (the calendar then had no holiday in these weeks).
  const recorded: Record<string, Record<string, string>> = {
    submit: { answerDueAt: '2026-11-23T03:05:00.000Z' },
    receive: { stepDueAt: '2026-12-02T02:00:00.000Z' },
    'request-supplement': { supplementDueAt: '2026-12-15T02:00:00.000Z' },
    'answer-supplement': { stepDueAt: '2026-12-04T02:00:00.000Z' },
    'propose-rejection': { stepDueAt: '2026-12-09T02:00:00.000Z' },
  };
  function withRecords(detail: DossierDetail): DossierDetail {
    return { ...detail, events: detail.events.map((e) => ({ ...e, data: { ...e.data, ...recorded[e.action] } })) };
  }
  // Holidays declared afterwards, in the middle of the processing time.
  const changed = new WorkCalendar({ holidays: ['2026-11-30', '2026-12-01', '2026-12-02'], workdays: [] });
  const dues = (detail: DossierDetail, calendar?: WorkCalendar) => {
    const view = toDocumentView('06', source(detail, calendar ? { calendar } : {}));
    if (view?.form !== '06') throw new Error('no tracking slip');
    return view.rows.map((r) => [r.due, r.result]);
  };

  it('prints the deadlines of Form 06 as the events recorded them, whatever the calendar says since', () => {
    const asFirstPrinted = dues(refusedAfterProcessing());
    expect(dues(withRecords(refusedAfterProcessing()), changed)).toEqual(asFirstPrinted);
    // Events that recorded nothing (written before they did) are recomputed: the new holidays move them.
    expect(dues(refusedAfterProcessing(), changed)).not.toEqual(asFirstPrinted);
  });

  it("prints Form 02's deadline as the request recorded it once the dossier no longer holds it", () => {
    const deadline = (detail: DossierDetail, calendar: WorkCalendar) =>
      (toDocumentView('02', source(detail, { calendar })) as { deadline: string }).deadline;
    const freeCalendar = new WorkCalendar({ holidays: [], workdays: [] });
    const asFirstPrinted = deadline(refusedAfterProcessing(), freeCalendar);
    expect(deadline(withRecords(refusedAfterProcessing()), changed)).toBe(asFirstPrinted);
    expect(deadline(refusedAfterProcessing(), changed)).not.toBe(asFirstPrinted);
  });
});
