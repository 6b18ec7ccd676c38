import { Body, Controller, Get, Ip, Post, Query, Render, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Roles } from '../../auth/guards.js';
import { DAY_KINDS, parseYear, type CalendarDay } from '../../calendar/calendar-rules.js';
import { CalendarDayDto } from '../../calendar/calendar.dto.js';
import { CalendarService } from '../../calendar/calendar.service.js';
import { localDateOf, weekdayOf } from '../../calendar/working-time.js';
import { Problem } from '../../common/problem.js';
import type { Principal } from '../../common/roles.js';
import { validateInput } from '../../common/validation.js';
import { t, type Lang } from '../../i18n/i18n.js';
import { emptyForm, formWithErrors, type FormState } from '../form.js';
import { pageLang, setFlash } from '../page-context.js';
import { pick } from '../portal/portal-pages.controller.js';
import { WebSessionGuard } from '../web-session.guard.js';

const DAY_FIELDS = ['date', 'kind', 'name'];
const LABELS = { date: 'field.calendarDate', kind: 'field.dayKind', name: 'field.dayName' } as const;

/** The holiday calendar of one year: the list, a form to add a day, a button per day to remove it. */
@ApiExcludeController()
@Controller('admin/calendar')
@UseGuards(WebSessionGuard)
@Roles('ADMIN')
export class CalendarPagesController {
  constructor(private readonly calendars: CalendarService) {}

  @Get()
  @Render('pages/admin/calendar')
  async page(@Query('year') raw: unknown, @Res({ passthrough: true }) res: Response) {
    const year = raw === undefined ? Number(localDateOf(new Date()).slice(0, 4)) : parseYear(raw);
    if (year === null) throw Problem.validation([{ path: 'year', code: 'calendar.year' }]);
    return this.view(pageLang(res), year, emptyForm({ kind: 'HOLIDAY' }));
  }

  @Post('days')
  async add(@Body() body: Record<string, unknown>, @CurrentUser() admin: Principal, @Ip() ip: string, @Res() res: Response): Promise<void> {
    try {
      const day = await this.calendars.addDay(await validateInput(CalendarDayDto, pick(body, DAY_FIELDS)), admin, ip);
      setFlash(res, 'admin.calendar.added', day.date);
      res.redirect(303, `/admin/calendar?year=${day.date.slice(0, 4)}`);
    } catch (err) {
      const lang = pageLang(res);
      const form = formWithErrors(err, lang, body, DAY_FIELDS, LABELS);
      const year =
        parseYear(String(body.year ?? '')) ?? parseYear(String(body.date ?? '').slice(0, 4)) ?? Number(localDateOf(new Date()).slice(0, 4));
      res.status((err as Problem).status).render('pages/admin/calendar', await this.view(lang, year, form));
    }
  }

  @Post('days/remove')
  async remove(
    @Body() body: Record<string, unknown>,
    @CurrentUser() admin: Principal,
    @Ip() ip: string,
    @Res() res: Response,
  ): Promise<void> {
    const day = await this.calendars.removeDay(String(body.date ?? ''), admin, ip);
    setFlash(res, 'admin.calendar.removed', day.date);
    res.redirect(303, `/admin/calendar?year=${day.date.slice(0, 4)}`);
  }

  private async view(lang: Lang, year: number, form: FormState) {
    const days = await this.calendars.getYear(year);
    return {
      title: t(lang, 'admin.calendar.title', { year }),
      year,
      previousYear: year - 1,
      nextYear: year + 1,
      hours: this.calendars.periods.map((p) => `${p.start}–${p.end}`).join(', '),
      days: days.map((d) => ({ ...d, label: dateLabel(lang, d), kindLabel: t(lang, `calendar.kind.${d.kind}`) })),
      form,
      kinds: DAY_KINDS.map((kind) => ({ value: kind, label: t(lang, `calendar.kind.${kind}`), selected: form.values.kind === kind })),
    };
  }
}

/** "Thứ Hai 16/02/2026" / "Monday 16/02/2026": the weekday matters here as much as the date. */
function dateLabel(lang: Lang, day: CalendarDay): string {
  const [y, m, d] = day.date.split('-');
  return `${t(lang, `calendar.weekday.${weekdayOf(day.date)}`)} ${d}/${m}/${y}`;
}
