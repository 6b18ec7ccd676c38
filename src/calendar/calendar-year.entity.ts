import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** Who last wrote a year's list: the start-up seed fills only years no administrator has edited. */
export type CalendarYearSource = 'SEED' | 'ADMIN';

@Entity('calendar_year')
export class CalendarYearEntity {
  @PrimaryColumn({ type: 'int' })
  year: number;

  @Column({ type: 'varchar', length: 8 })
  source: CalendarYearSource;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
