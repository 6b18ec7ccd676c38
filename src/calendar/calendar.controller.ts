import { Body, Controller, Get, Ip, Param, Put, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiAuthGuard, CurrentUser, Roles } from '../auth/guards.js';
import { API_PREFIX } from '../common/api.js';
import { parseIsoInstant } from '../common/instant.js';
import { Problem } from '../common/problem.js';
import type { Principal } from '../common/roles.js';
import { parseYear, type CalendarDay } from './calendar-rules.js';
import { CalendarYearResponse, DueQuery, DueResponse, ReplaceCalendarDto } from './calendar.dto.js';
import { CalendarService } from './calendar.service.js';

@ApiTags('calendar')
@Controller(API_PREFIX)
export class CalendarController {
  constructor(private readonly calendars: CalendarService) {}

  // Declared before `calendar/:year`, which would otherwise take "due" for a year.
  @Get('calendar/due')
  @ApiOkResponse({ type: DueResponse, description: 'When the clock starts for a reception at `start`, and when it is due' })
  async due(@Query() query: DueQuery): Promise<DueResponse> {
    const calendar = await this.calendars.calendar();
    const clockStart = calendar.clockStart(parseIsoInstant(query.start)!);
    return { clockStart: clockStart.toISOString(), dueAt: calendar.addWorkingHours(clockStart, query.workingHours).toISOString() };
  }

  @Get('calendar/:year')
  @ApiOkResponse({ type: CalendarYearResponse, description: "A year's days off and weekend days worked (public)" })
  async year(@Param('year') raw: string): Promise<CalendarYearResponse> {
    const year = yearOf(raw);
    return this.toResponse(year, await this.calendars.getYear(year));
  }

  @Put('admin/calendar/:year')
  @UseGuards(ApiAuthGuard)
  @Roles('ADMIN')
  @ApiBearerAuth()
  @ApiOkResponse({ type: CalendarYearResponse, description: "Replaces the year's whole list" })
  async replace(
    @Param('year') raw: string,
    @Body() dto: ReplaceCalendarDto,
    @CurrentUser() admin: Principal,
    @Ip() ip: string,
  ): Promise<CalendarYearResponse> {
    const year = yearOf(raw);
    const days = dto.days.map(({ date, kind, name }) => ({ date, kind, name }));
    return this.toResponse(year, await this.calendars.replaceYear(year, days, admin, ip));
  }

  private toResponse(year: number, days: CalendarDay[]): CalendarYearResponse {
    return { year, days, workingPeriods: this.calendars.periods.map(({ start, end }) => ({ start, end })) };
  }
}

function yearOf(raw: string): number {
  const year = parseYear(raw);
  if (year === null) throw Problem.validation([{ path: 'year', code: 'calendar.year' }]);
  return year;
}
