import { Module } from '@nestjs/common';
import { CalendarSeeder } from './calendar-seeder.js';
import { CalendarController } from './calendar.controller.js';
import { CalendarService } from './calendar.service.js';

@Module({ controllers: [CalendarController], providers: [CalendarService, CalendarSeeder], exports: [CalendarService, CalendarSeeder] })
export class CalendarModule {}
