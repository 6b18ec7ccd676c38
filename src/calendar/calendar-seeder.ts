import { Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import type { CalendarDay } from './calendar-rules.js';
import { CalendarYearEntity } from './calendar-year.entity.js';
import { CalendarService } from './calendar.service.js';
import { insertDays, lockYear, markYear } from './calendar-store.js';
import { OFFICIAL_CALENDARS } from './official-calendars.js';

/**
 * Loads the official calendars at start-up, idempotently: in a year no
 * administrator has edited, the missing official days are inserted and
 * nothing else is touched; a year an administrator has edited (even to remove
 * an official day) is left exactly as they left it.
 */
@Injectable()
export class CalendarSeeder {
  constructor(
    private readonly db: DataSource,
    private readonly calendar: CalendarService,
  ) {}

  async seedOfficial(log: Logger, calendars: Readonly<Record<number, readonly CalendarDay[]>> = OFFICIAL_CALENDARS): Promise<void> {
    let added = 0;
    for (const [key, days] of Object.entries(calendars)) {
      const year = Number(key);
      await this.db.transaction(async (tx) => {
        await lockYear(tx, year);
        const state = await tx.findOneBy(CalendarYearEntity, { year });
        if (state?.source === 'ADMIN') return;
        added += (await insertDays(tx, days, true)).length;
        if (!state) await markYear(tx, year, 'SEED');
      });
    }
    if (added > 0) {
      this.calendar.invalidate();
      log.info({ days: added }, 'official working calendars loaded');
    }
  }
}
