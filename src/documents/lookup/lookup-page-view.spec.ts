import { describe, expect, it } from 'vitest';
import { DOSSIER_STATUSES } from '../../dossiers/lifecycle.js';
import { isMessageKey } from '../../i18n/i18n.js';
import { lookupPageView } from './lookup-page-view.js';
import { normaliseCode, type LookupRecord } from './lookup-record.js';
import { toLookupResponse } from './lookup.dto.js';

const record: LookupRecord = {
  code: 'H12.05-261123-0007',
  procedureName: { vi: 'Đăng ký khai sinh', en: 'Birth registration' },
  agencyName: 'UBND xã An Phú',
  status: 'IN_PROGRESS',
  receivedAt: new Date('2026-11-23T02:00:00Z'),
  dueAt: new Date('2026-12-07T02:00:00Z'),
  rescheduledAt: null,
  completedAt: null,
};

describe('dossier codes typed by people', () => {
  it('ignores case and spaces, refuses anything that cannot be a code', () => {
    expect(normaliseCode(' h12.05-261123-0007 ')).toBe('H12.05-261123-0007');
    expect(normaliseCode('H12.05 - 261123 - 0007')).toBe('H12.05-261123-0007');
    for (const bad of ['', '   ', '-H12', '<script>', 'H12/05', 'x'.repeat(65), undefined, 42, ['H12']])
      expect(normaliseCode(bad)).toBeNull();
  });
});

describe('the lookup page view', () => {
  it('says the status in words and gives only the dates that exist, in local time', () => {
    const vi = lookupPageView(record, 'vi');
    expect(vi.status).toEqual({ label: 'Đang giải quyết', text: 'Hồ sơ đã được tiếp nhận và đang được giải quyết.' });
    expect(vi.facts.map((f) => f.label)).toEqual(['Mã hồ sơ', 'Thủ tục', 'Cơ quan giải quyết', 'Ngày tiếp nhận', 'Hẹn trả kết quả']);
    expect(vi.facts[3]).toEqual({ label: 'Ngày tiếp nhận', value: expect.stringContaining('09:00'), iso: '2026-11-23T02:00:00.000Z' });
    expect(vi.facts[3].value).toContain('23/11/2026');
    const en = lookupPageView({ ...record, status: 'RETURNED', completedAt: new Date('2026-12-01T09:30:00Z') }, 'en');
    expect(en.status.label).toBe('Result returned');
    expect(en.facts[1].value).toBe('Birth registration');
    expect(en.facts.at(-1)).toMatchObject({ label: 'Result issued', value: expect.stringContaining('16:30') });
  });

  it('has words for every status, in both languages', () => {
    for (const s of DOSSIER_STATUSES) {
      expect(isMessageKey(`lookup.status.${s}`)).toBe(true);
      expect(isMessageKey(`lookup.explain.${s}`)).toBe(true);
    }
  });
});

describe('the lookup API answer', () => {
  it('has exactly the public fields, as ISO instants', () => {
    expect(toLookupResponse(record)).toEqual({
      code: 'H12.05-261123-0007',
      procedureName: 'Đăng ký khai sinh',
      agencyName: 'UBND xã An Phú',
      status: 'IN_PROGRESS',
      receivedAt: '2026-11-23T02:00:00.000Z',
      dueAt: '2026-12-07T02:00:00.000Z',
      rescheduledAt: null,
      completedAt: null,
    });
  });
});
