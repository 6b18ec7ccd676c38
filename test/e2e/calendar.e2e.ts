import pino from 'pino';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CALENDAR_CACHE_TTL_MS, CalendarService } from '../../src/calendar/calendar.service.js';
import { OFFICIAL_CALENDARS } from '../../src/calendar/official-calendars.js';
import { SeedService } from '../../src/database/seed/seed.service.js';
import { insertUser, login } from '../helpers/accounts.js';
import { startTestPortal, type TestPortal } from '../helpers/portal.js';

let t: TestPortal;
let admin: string;
let citizen: string;
beforeAll(async () => {
  t = await startTestPortal();
  await insertUser(t, { email: 'admin@example.gov.vn', roles: ['ADMIN'] });
  await insertUser(t, { email: 'citizen@example.vn', roles: ['CITIZEN'], citizenId: '001090000123' });
  [admin, citizen] = await Promise.all([login(t, 'admin@example.gov.vn'), login(t, 'citizen@example.vn')]);
});
afterAll(async () => {
  await t?.close();
});

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const count = async (table: string) => (await t.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0].n;
const due = (start: string, workingHours: number | string) => t.http.get('/api/v1/calendar/due').query({ start, workingHours });
const PERIODS = [
  { start: '07:30', end: '11:30' },
  { start: '13:00', end: '17:00' },
];
const rerunSeed = () => t.portal.app.get(SeedService).run(pino({ level: 'silent' }));

describe('the official calendars, seeded at start-up', () => {
  it.each([2025, 2026, 2027])('answers %i to anyone, as seeded', async (year) => {
    const res = await t.http.get(`/api/v1/calendar/${year}`).expect(200);
    expect(res.body).toEqual({ year, days: OFFICIAL_CALENDARS[year], workingPeriods: PERIODS });
  });

  it('answers an unknown year with an empty list, and a bad year with 422', async () => {
    expect((await t.http.get('/api/v1/calendar/2030').expect(200)).body).toEqual({ year: 2030, days: [], workingPeriods: PERIODS });
    for (const year of ['1999', '2101', 'abcd', '20266']) {
      const res = await t.http.get(`/api/v1/calendar/${year}`).expect(422);
      expect(res.body.errors).toEqual([expect.objectContaining({ path: 'year', code: 'calendar.year' })]);
    }
  });

  it('records each seeded year as such', async () => {
    const years = await t.query<{ year: number; source: string }>('SELECT year, source FROM calendar_year ORDER BY year');
    expect(years).toEqual([
      { year: 2025, source: 'SEED' },
      { year: 2026, source: 'SEED' },
      { year: 2027, source: 'SEED' },
    ]);
  });
});

describe('GET /calendar/due', () => {
  it.each([
    ['Monday 09:00, 1 day → Tuesday 09:00', '2026-03-02T09:00:00+07:00', 8, '2026-03-02T02:00:00.000Z', '2026-03-03T02:00:00.000Z'],
    [
      'Monday 16:30, 1 day → starts Tuesday 07:30 → Tuesday 17:00',
      '2026-03-02T16:30:00+07:00',
      8,
      '2026-03-03T00:30:00.000Z',
      '2026-03-03T10:00:00.000Z',
    ],
    ['Saturday 10:00, 2 days → Tuesday 17:00', '2026-03-07T10:00:00+07:00', 16, '2026-03-09T00:30:00.000Z', '2026-03-10T10:00:00.000Z'],
    ['the same instant in UTC', '2026-03-02T02:00:00Z', 8, '2026-03-02T02:00:00.000Z', '2026-03-03T02:00:00.000Z'],
    ['half a day', '2026-03-02T09:00+07:00', 4, '2026-03-02T02:00:00.000Z', '2026-03-02T07:30:00.000Z'],
    [
      'over the seeded Hùng Kings’ Monday (27 April 2026)',
      '2026-04-24T09:00:00+07:00',
      8,
      '2026-04-24T02:00:00.000Z',
      '2026-04-28T02:00:00.000Z',
    ],
    ['over the seeded Tết week', '2026-02-13T14:00:00+07:00', 16, '2026-02-13T07:00:00.000Z', '2026-02-24T07:00:00.000Z'],
    [
      'on the seeded working Saturday 22 August 2026',
      '2026-08-22T09:00:00+07:00',
      8,
      '2026-08-22T02:00:00.000Z',
      '2026-08-24T02:00:00.000Z',
    ],
  ])('%s', async (_label, start, workingHours, clockStart, dueAt) => {
    const res = await due(start, workingHours).expect(200);
    expect(res.body).toEqual({ clockStart, dueAt });
  });

  it('takes the + of an offset typed unencoded in the query string', async () => {
    const res = await t.http.get('/api/v1/calendar/due?start=2026-03-02T09:00:00+07:00&workingHours=8').expect(200);
    expect(res.body.dueAt).toBe('2026-03-03T02:00:00.000Z');
  });

  it.each([
    [{ workingHours: '8' }, 'query.start', 'validation.isNotEmpty'],
    [{ start: '2026-03-02T09:00:00', workingHours: '8' }, 'query.start', 'calendar.instant'],
    [{ start: '2026-02-30T09:00:00+07:00', workingHours: '8' }, 'query.start', 'calendar.instant'],
    [{ start: 'tomorrow', workingHours: '8' }, 'query.start', 'calendar.instant'],
    [{ start: '2026-03-02T09:00:00+07:00' }, 'query.workingHours', 'validation.isNotEmpty'],
    [{ start: '2026-03-02T09:00:00+07:00', workingHours: 'eight' }, 'query.workingHours', 'calendar.workingHours'],
    [{ start: '2026-03-02T09:00:00+07:00', workingHours: '-1' }, 'query.workingHours', 'calendar.workingHours'],
    [{ start: '2026-03-02T09:00:00+07:00', workingHours: '20001' }, 'query.workingHours', 'calendar.workingHours'],
    [{ start: '2026-03-02T09:00:00+07:00', workingHours: '8', extra: '1' }, 'query.extra', 'validation.whitelistValidation'],
  ])('refuses %j with 422', async (query, path, code) => {
    const res = await t.http.get('/api/v1/calendar/due').query(query).expect(422);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.errors).toEqual([expect.objectContaining({ path, code })]);
  });
});

describe('PUT /admin/calendar/{year}', () => {
  const DAYS_2028 = [
    { date: '2028-01-03', kind: 'HOLIDAY', name: 'Nghỉ bù Tết Dương lịch' },
    { date: '2028-01-27', kind: 'HOLIDAY', name: 'Tết Nguyên đán' },
    { date: '2028-01-26', kind: 'HOLIDAY', name: '  Tết   Nguyên đán (29 tháng Chạp) ' },
    { date: '2028-03-11', kind: 'WORKDAY', name: 'Làm bù' },
  ];

  it('replaces a year, answers it in date order, and keeps an audit event', async () => {
    const res = await t.http.put('/api/v1/admin/calendar/2028').set(bearer(admin)).send({ days: DAYS_2028 }).expect(200);
    const expected = [
      { date: '2028-01-03', kind: 'HOLIDAY', name: 'Nghỉ bù Tết Dương lịch' },
      { date: '2028-01-26', kind: 'HOLIDAY', name: 'Tết Nguyên đán (29 tháng Chạp)' },
      { date: '2028-01-27', kind: 'HOLIDAY', name: 'Tết Nguyên đán' },
      { date: '2028-03-11', kind: 'WORKDAY', name: 'Làm bù' },
    ];
    expect(res.body).toEqual({ year: 2028, days: expected, workingPeriods: PERIODS });
    expect((await t.http.get('/api/v1/calendar/2028').expect(200)).body.days).toEqual(expected);
    const [event] = await t.query(`SELECT action, actor_id, detail FROM audit_event WHERE target_type = 'calendar' AND target_id = '2028'`);
    expect(event).toMatchObject({
      action: 'calendar.replaced',
      actor_id: expect.any(String),
      detail: { added: ['2028-01-03', '2028-01-27', '2028-01-26', '2028-03-11'], removed: [], changed: [], days: 4 },
    });
  });

  it('is used by the clock at once (the replica that made the change forgets its cache)', async () => {
    // Saturday 11 March 2028 is now worked; Monday 3 January 2028 is now off.
    expect((await due('2028-03-10T16:30:00+07:00', 8).expect(200)).body).toEqual({
      clockStart: '2028-03-11T00:30:00.000Z',
      dueAt: '2028-03-11T10:00:00.000Z',
    });
    expect((await due('2027-12-31T16:30:00+07:00', 8).expect(200)).body.clockStart).toBe('2028-01-04T00:30:00.000Z');
  });

  it('reaches the other replicas within the cache time', async () => {
    const otherReplica = new CalendarService(t.portal.app.get(DataSource));
    expect((await otherReplica.calendar()).isWorkingDay('2032-03-01')).toBe(true);
    const days = [{ date: '2032-03-01', kind: 'HOLIDAY', name: 'Nghỉ' }];
    await t.http.put('/api/v1/admin/calendar/2032').set(bearer(admin)).send({ days }).expect(200);
    expect((await due('2032-02-27T09:00:00+07:00', 8).expect(200)).body.dueAt).toBe('2032-03-02T02:00:00.000Z'); // this replica: at once
    expect((await otherReplica.calendar()).isWorkingDay('2032-03-01')).toBe(true); // the other: still its copy
    const now = Date.now();
    vi.spyOn(Date, 'now').mockReturnValue(now + CALENDAR_CACHE_TTL_MS);
    try {
      expect((await otherReplica.calendar()).isWorkingDay('2032-03-01')).toBe(false);
    } finally {
      vi.restoreAllMocks();
    }
  });

  it('keeps an administrator’s change to a seeded year when the seed runs again', async () => {
    const without27April = OFFICIAL_CALENDARS[2026].filter((d) => d.date !== '2026-04-27');
    await t.http.put('/api/v1/admin/calendar/2026').set(bearer(admin)).send({ days: without27April }).expect(200);
    const [event] = await t.query(`SELECT detail FROM audit_event WHERE target_id = '2026' ORDER BY id DESC LIMIT 1`);
    expect(event.detail).toMatchObject({ added: [], removed: ['2026-04-27'], changed: [] });
    expect((await due('2026-04-24T09:00:00+07:00', 8).expect(200)).body.dueAt).toBe('2026-04-27T02:00:00.000Z');

    await rerunSeed();
    expect((await t.http.get('/api/v1/calendar/2026').expect(200)).body.days).toEqual(without27April);
    expect(await t.query(`SELECT source FROM calendar_year WHERE year = 2026`)).toEqual([{ source: 'ADMIN' }]);
  });

  it('lets the seed add only missing days to a year no administrator has edited', async () => {
    await t.query(`DELETE FROM calendar_day WHERE date = '2027-09-03'`);
    await t.query(`UPDATE calendar_day SET name = 'Đổi tên trực tiếp' WHERE date = '2027-09-02'`);
    await rerunSeed();
    await rerunSeed();
    const rows = await t.query(
      `SELECT to_char(date, 'YYYY-MM-DD') AS date, name FROM calendar_day WHERE date IN ('2027-09-02', '2027-09-03') ORDER BY date`,
    );
    expect(rows).toEqual([
      { date: '2027-09-02', name: 'Đổi tên trực tiếp' },
      { date: '2027-09-03', name: 'Quốc khánh (ngày liền kề)' },
    ]);
  });

  it('empties a year with an empty list', async () => {
    await t.http
      .put('/api/v1/admin/calendar/2029')
      .set(bearer(admin))
      .send({ days: [{ date: '2029-01-01', kind: 'HOLIDAY', name: 'Tết Dương lịch' }] })
      .expect(200);
    const res = await t.http.put('/api/v1/admin/calendar/2029').set(bearer(admin)).send({ days: [] }).expect(200);
    expect(res.body.days).toEqual([]);
    expect(await t.query(`SELECT 1 FROM calendar_day WHERE date >= '2029-01-01' AND date < '2030-01-01'`)).toEqual([]);
  });

  it('serialises two administrators replacing the same year at once: one list wins whole', async () => {
    const a = [{ date: '2031-03-03', kind: 'HOLIDAY', name: 'A' }];
    const b = [
      { date: '2031-03-04', kind: 'HOLIDAY', name: 'B' },
      { date: '2031-03-05', kind: 'HOLIDAY', name: 'B' },
    ];
    const [ra, rb] = await Promise.all([
      t.http.put('/api/v1/admin/calendar/2031').set(bearer(admin)).send({ days: a }),
      t.http.put('/api/v1/admin/calendar/2031').set(bearer(admin)).send({ days: b }),
    ]);
    expect([ra.status, rb.status]).toEqual([200, 200]);
    const final = (await t.http.get('/api/v1/calendar/2031').expect(200)).body.days.map((d: { name: string }) => d.name);
    expect([['A'], ['B', 'B']]).toContainEqual(final);
  });

  it('keeps the route for administrators: 401 without a token, 403 for others, nothing written', async () => {
    const before = [await count('calendar_day'), await count('audit_event')];
    const body = { days: [{ date: '2026-06-01', kind: 'HOLIDAY', name: 'Không được' }] };
    await t.http.put('/api/v1/admin/calendar/2026').send(body).expect(401);
    const res = await t.http.put('/api/v1/admin/calendar/2026').set(bearer(citizen)).send(body).expect(403);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect([await count('calendar_day'), await count('audit_event')]).toEqual(before);
  });

  const day = (date: string, kind = 'HOLIDAY', name = 'Ngày') => ({ date, kind, name });
  it.each([
    ['a date outside the year', [day('2026-06-01'), day('2027-06-01')], 'days.1.date', 'calendar.dateOutsideYear'],
    [
      'a repeated date',
      [day('2026-06-01'), day('2026-06-02'), day('2026-06-01', 'HOLIDAY', 'Lặp')],
      'days.2.date',
      'calendar.duplicateDate',
    ],
    ['an unknown kind', [day('2026-06-01', 'DAY_OFF')], 'days.0.kind', 'validation.isIn'],
    ['a day worked on a weekday', [day('2026-06-03', 'WORKDAY')], 'days.0.date', 'calendar.workdayOnWeekday'],
    ['a holiday on a Sunday', [day('2026-06-07')], 'days.0.date', 'calendar.holidayOnWeekend'],
    ['30 February', [day('2026-02-30')], 'days.0.date', 'calendar.dateInvalid'],
    ['a date in another format', [day('01/06/2026')], 'days.0.date', 'calendar.dateInvalid'],
    ['a blank name', [day('2026-06-01', 'HOLIDAY', '   ')], 'days.0.name', 'validation.isNotEmpty'],
    ['a day that is not an object', ['2026-06-01'], 'days.0', 'validation.invalid'],
  ])('refuses %s with 422 and writes nothing', async (_label, days, path, code) => {
    const before = [await count('calendar_day'), await count('audit_event')];
    const listBefore = (await t.http.get('/api/v1/calendar/2026').expect(200)).body;
    const res = await t.http.put('/api/v1/admin/calendar/2026').set(bearer(admin)).send({ days }).expect(422);
    expect(res.body.errors).toEqual([expect.objectContaining({ path, code })]);
    expect((await t.http.get('/api/v1/calendar/2026').expect(200)).body).toEqual(listBefore);
    expect([await count('calendar_day'), await count('audit_event')]).toEqual(before);
  });

  it('refuses a body without a list, more days than a year has, and a bad year', async () => {
    const put = (year: string, body: unknown) =>
      t.http
        .put(`/api/v1/admin/calendar/${year}`)
        .set(bearer(admin))
        .send(body as object)
        .expect(422);
    expect((await put('2026', {})).body.errors).toEqual([expect.objectContaining({ path: 'days', code: 'validation.isNotEmpty' })]);
    expect((await put('2026', { days: 'none' })).body.errors).toEqual([
      expect.objectContaining({ path: 'days', code: 'validation.isArray' }),
    ]);
    const tooMany = Array.from({ length: 367 }, () => day('2026-06-01'));
    expect((await put('2026', { days: tooMany })).body.errors).toEqual([
      expect.objectContaining({ path: 'days', code: 'calendar.tooManyDays' }),
    ]);
    expect((await put('1999', { days: [] })).body.errors).toEqual([expect.objectContaining({ path: 'year', code: 'calendar.year' })]);
  });

  it('lists every bad day at once', async () => {
    const res = await t.http
      .put('/api/v1/admin/calendar/2026')
      .set(bearer(admin))
      .send({ days: [day('2026-06-06'), day('2026-06-01'), day('2026-06-02', 'WORKDAY')] })
      .expect(422);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(['days.0.date', 'days.2.date']);
    expect(res.body.errors[0].message).toMatch(/nghỉ bù|compensatory/);
  });
});
