import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { describe, expect, it } from 'vitest';
import { IsIsoInstant, parseIsoInstant, PlusInOffset } from './instant.js';

describe('parseIsoInstant', () => {
  it.each([
    ['2026-02-16T09:00:00+07:00', '2026-02-16T02:00:00.000Z'],
    ['2026-02-16T09:00+07:00', '2026-02-16T02:00:00.000Z'],
    ['2026-02-16T09:00:00.123+0700', '2026-02-16T02:00:00.123Z'],
    ['2026-02-16T02:00:00Z', '2026-02-16T02:00:00.000Z'],
    ['2026-02-16t02:00:00z', '2026-02-16T02:00:00.000Z'],
    ['2026-02-15T21:00:00-05:00', '2026-02-16T02:00:00.000Z'],
    ['2028-02-29T00:00:00+07:00', '2028-02-28T17:00:00.000Z'],
  ])('reads %s', (text, iso) => {
    expect(parseIsoInstant(text)?.toISOString()).toBe(iso);
  });

  it.each([
    '2026-02-16T09:00:00', // no offset: a local time of nowhere
    '2026-02-16',
    '2026-02-30T09:00:00+07:00',
    '2026-02-16T24:00:00+07:00',
    '2026-02-16T09:60:00+07:00',
    '2026-02-16 09:00:00+07:00',
    '16/02/2026 09:00',
    '1771210800000',
    '',
  ])('refuses %j', (text) => {
    expect(parseIsoInstant(text)).toBeNull();
  });

  it('refuses what is not a string', () => {
    for (const value of [undefined, null, 1771210800000, new Date()]) expect(parseIsoInstant(value)).toBeNull();
  });
});

describe('IsIsoInstant with PlusInOffset', () => {
  class Query {
    @PlusInOffset()
    @IsIsoInstant({ message: 'bad' })
    start: string;
  }
  const check = (start: unknown) => validateSync(plainToInstance(Query, { start })).map((e) => e.constraints);

  it('puts back a + that a query string turned into a space', () => {
    expect(plainToInstance(Query, { start: '2026-02-16T09:00:00 07:00' }).start).toBe('2026-02-16T09:00:00+07:00');
    expect(check('2026-02-16T09:00:00 07:00')).toEqual([]);
    expect(check('2026-02-16T09:00:00 0700')).toEqual([]);
  });

  it('refuses an instant without offset', () => {
    expect(check('2026-02-16T09:00:00')).toEqual([{ isIsoInstant: 'bad' }]);
  });
});
