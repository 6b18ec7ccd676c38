import { ApiProperty } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsNotEmpty, IsNumber, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { CleanText } from '../common/dto-transforms.js';
import { IsIsoInstant, PlusInOffset } from '../common/instant.js';
import { DAY_KINDS, type DayKind } from './calendar-rules.js';

/** Longest processing time the due calculator accepts: ten years of working days, far beyond any procedure. */
export const MAX_WORKING_HOURS = 20_000;

export class CalendarDayDto {
  @ApiProperty({ example: '2026-02-16', description: 'A local date, YYYY-MM-DD' })
  @IsNotEmpty()
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'calendar.dateInvalid' })
  date: string;

  @ApiProperty({
    enum: DAY_KINDS,
    description: 'HOLIDAY: a weekday off. WORKDAY: a Saturday or Sunday worked in exchange for a bridge day off',
  })
  @IsNotEmpty()
  @IsIn(DAY_KINDS)
  kind: DayKind;

  @ApiProperty({ example: 'Tết Nguyên đán' })
  @CleanText()
  @IsNotEmpty()
  @IsString()
  @MaxLength(200)
  name: string;
}

export class ReplaceCalendarDto {
  @ApiProperty({ type: [CalendarDayDto], description: "The year's whole list: days not listed are removed" })
  @IsArray()
  @ArrayMaxSize(366, { message: 'calendar.tooManyDays' })
  @ValidateNested({ each: true })
  @Type(() => CalendarDayDto)
  days: CalendarDayDto[];
}

export class CalendarDayResponse {
  @ApiProperty({ example: '2026-02-16' }) date: string;
  @ApiProperty({ enum: DAY_KINDS }) kind: DayKind;
  @ApiProperty() name: string;
}

export class WorkingPeriodResponse {
  @ApiProperty({ example: '07:30' }) start: string;
  @ApiProperty({ example: '11:30' }) end: string;
}

export class CalendarYearResponse {
  @ApiProperty({ example: 2026 }) year: number;
  @ApiProperty({ type: [CalendarDayResponse] }) days: CalendarDayResponse[];
  @ApiProperty({ type: [WorkingPeriodResponse], description: 'Local (UTC+7) working hours of every working day' })
  workingPeriods: WorkingPeriodResponse[];
}

export class DueQuery {
  @ApiProperty({ example: '2026-03-02T09:00:00+07:00', description: 'The reception instant: ISO 8601 with an offset' })
  @PlusInOffset()
  @IsNotEmpty()
  @IsIsoInstant({ message: 'calendar.instant' })
  start: string;

  @ApiProperty({ example: 8, description: 'Processing time in working hours (working days × 8); fractions allowed' })
  @Transform(({ value }) => (typeof value === 'string' && value.trim() !== '' ? Number(value) : value))
  @IsNotEmpty()
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'calendar.workingHours' })
  @Min(0, { message: 'calendar.workingHours' })
  @Max(MAX_WORKING_HOURS, { message: 'calendar.workingHours' })
  workingHours: number;
}

export class DueResponse {
  @ApiProperty({ example: '2026-03-02T02:00:00.000Z', description: 'When the clock starts (DOMAIN.md start rule)' })
  clockStart: string;

  @ApiProperty({ example: '2026-03-03T02:00:00.000Z' })
  dueAt: string;
}
