import { describe, expect, it } from 'vitest';
import { DOSSIER_STATUSES } from '../../dossiers/lifecycle.js';
import { canWithdraw, citizenMode, codeLabel, codeToCome, documentLinks, outcomeLabel, statusView } from './status-view.js';

const ID = '0b8c1a52-4a7e-4c34-9d5e-1f2a3b4c5d6e';
const dossier = (over: Partial<Parameters<typeof documentLinks>[0]> = {}) => ({
  id: ID,
  status: 'IN_PROGRESS' as const,
  receivedAt: null,
  extended: false,
  ...over,
});

describe('the status in plain words', () => {
  it('has a label, a meaning and a next step for every status, in both languages', () => {
    for (const status of DOSSIER_STATUSES) {
      for (const lang of ['vi', 'en'] as const) {
        const view = statusView(status, lang);
        for (const text of [view.label, view.meaning, view.next]) expect(text).not.toMatch(/^dossier\./);
      }
    }
    expect(statusView('SUBMITTED', 'vi')).toMatchObject({ label: 'Chờ tiếp nhận', tone: 'progress' });
    expect(statusView('SUPPLEMENT_REQUESTED', 'en')).toMatchObject({ label: 'More needed', tone: 'action' });
    expect(statusView('SUBMITTED', 'vi').meaning).toContain('8 giờ làm việc');
  });

  it('names a dossier without a code: a draft, or one not received yet', () => {
    expect(codeLabel({ code: null, status: 'DRAFT' }, 'vi')).toBe('Bản nháp');
    expect(codeLabel({ code: null, status: 'SUBMITTED' }, 'en')).toBe('No code yet');
    expect(codeLabel({ code: 'H12.05-260216-0001', status: 'IN_PROGRESS' }, 'vi')).toBe('H12.05-260216-0001');
    // Withdrawn or refused before reception: it never will have one.
    expect(codeLabel({ code: null, status: 'WITHDRAWN' }, 'vi')).toBe('Chưa tiếp nhận');
    expect(codeToCome({ code: null, status: 'SUBMITTED' })).toBe(true);
    expect(codeToCome({ code: null, status: 'REJECTED' })).toBe(false);
    expect(codeToCome({ code: 'H12.05-260216-0001', status: 'IN_PROGRESS' })).toBe(false);
  });

  it('tells the outcome of a resolved dossier', () => {
    expect(outcomeLabel('ON_TIME', 'vi')).toBe('Đúng hạn');
    expect(outcomeLabel('LATE', 'en')).toBe('Late');
    expect(outcomeLabel(null, 'vi')).toBe('');
  });
});

describe("the applicant's possible actions follow the lifecycle table", () => {
  it('fills and submits a draft, answers a supplement request, else only reads', () => {
    expect(citizenMode('DRAFT')).toBe('draft');
    expect(citizenMode('RECEPTION_SUPPLEMENT')).toBe('supplement');
    expect(citizenMode('SUPPLEMENT_REQUESTED')).toBe('supplement');
    for (const s of [
      'SUBMITTED',
      'IN_PROGRESS',
      'AWAITING_APPROVAL',
      'RESULT_READY',
      'RETURNED',
      'REJECTED',
      'STOPPED',
      'WITHDRAWN',
    ] as const) {
      expect(citizenMode(s)).toBe('readonly');
    }
  });

  it('withdraws only before any decision', () => {
    expect(DOSSIER_STATUSES.filter(canWithdraw)).toEqual(['DRAFT', 'SUBMITTED', 'RECEPTION_SUPPLEMENT', 'SUPPLEMENT_REQUESTED']);
  });
});

describe('the documents issued', () => {
  const hrefs = (...args: Parameters<typeof documentLinks>) => documentLinks(...args).map((l) => l.href.replace(`/dossiers/${ID}`, ''));

  it('has none before reception', () => {
    expect(hrefs(dossier({ status: 'SUBMITTED' }), [{ action: 'create' }, { action: 'submit' }], 'vi')).toEqual([]);
  });

  it('links the receipt once received, and each notice once its event happened', () => {
    const received = new Date('2026-02-16T02:00:00Z');
    expect(hrefs(dossier({ receivedAt: received }), [{ action: 'receive' }], 'vi')).toEqual(['/receipt.pdf']);
    expect(hrefs(dossier({ status: 'SUBMITTED' }), [{ action: 'request-supplement' }, { action: 'answer-supplement' }], 'vi')).toEqual([
      '/documents/02.pdf',
    ]);
    expect(hrefs(dossier({ status: 'REJECTED' }), [{ action: 'reject' }], 'vi')).toEqual(['/documents/03.pdf']);
    expect(hrefs(dossier({ receivedAt: received, extended: true }), [], 'vi')).toEqual(['/receipt.pdf', '/documents/04.pdf']);
    expect(hrefs(dossier({ receivedAt: received, status: 'STOPPED' }), [{ action: 'request-supplement' }], 'en')).toEqual([
      '/receipt.pdf',
      '/documents/02.pdf',
      '/documents/05.pdf',
    ]);
  });

  it('names them in the reader’s language', () => {
    expect(documentLinks(dossier({ receivedAt: new Date() }), [], 'vi')[0].label).toBe('Giấy tiếp nhận hồ sơ và hẹn trả kết quả (PDF)');
    expect(documentLinks(dossier({ receivedAt: new Date() }), [], 'en')[0].label).toBe('Receipt and appointment (PDF)');
  });
});
