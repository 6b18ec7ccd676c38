import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { DayKind } from './calendar-rules.js';

/** A date that differs from the Monday-to-Friday rule: a weekday off or a weekend day worked. */
@Entity('calendar_day')
export class CalendarDayEntity {
  /** 'YYYY-MM-DD', a local (UTC+7) date. */
  @PrimaryColumn({ type: 'date' })
  date: string;

  @Column({ type: 'varchar', length: 8 })
  kind: DayKind;

  @Column({ type: 'varchar', length: 200 })
  name: string;
}
