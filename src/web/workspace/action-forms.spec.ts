import { describe, expect, it } from 'vitest';
import { validateInput } from '../../common/validation.js';
import { ActionDto } from '../../dossiers/dossier.dto.js';
import { RULES } from '../../dossiers/lifecycle.js';
import { actionBody, localDateTimeToIso, parseStaffAction, STAFF_PAGE_ACTIONS, toLocalDateTimeValue } from './action-forms.js';

describe('the action forms', () => {
  it('offer every action an officer can take, and nothing else', () => {
    const staff = new Set(RULES.filter((r) => r.roles.some((role) => role !== 'CITIZEN' && role !== 'SYSTEM')).map((r) => r.action));
    expect(new Set(STAFF_PAGE_ACTIONS)).toEqual(staff);
    expect(parseStaffAction('withdraw')).toBeUndefined();
    expect(parseStaffAction('approve')).toBe('approve');
  });

  it('read a supplement list one item per line, and drop what the form does not have', async () => {
    const body = actionBody('request-supplement', {
      _csrf: 'token',
      version: '3',
      items: ' Bản sao giấy chứng sinh \r\n\r\nẢnh 4x6\n',
      comment: 'Bổ sung trong 15 ngày',
      reason: 'not this form',
    });
    expect(body).toEqual({ version: '3', items: ['Bản sao giấy chứng sinh', 'Ảnh 4x6'], comment: 'Bổ sung trong 15 ngày' });
    const dto = await validateInput(ActionDto, body);
    expect(dto.version).toBe(3);
  });

  it('take the new appointment as Vietnam local time', async () => {
    expect(localDateTimeToIso('2026-03-05T16:30')).toBe('2026-03-05T16:30:00+07:00');
    expect(localDateTimeToIso('05/03/2026')).toBeNull();
    const dto = await validateInput(
      ActionDto,
      actionBody('extend', { version: '2', newDueAt: '2026-03-05T16:30', reason: 'Cần xác minh' }),
    );
    expect(dto.newDueAt).toEqual(new Date('2026-03-05T09:30:00Z'));
    expect(toLocalDateTimeValue(new Date('2026-03-05T09:30:00Z'))).toBe('2026-03-05T16:30');
  });
});
