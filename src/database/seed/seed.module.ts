import { Module } from '@nestjs/common';
import { AgenciesModule } from '../../agencies/agencies.module.js';
import { CalendarModule } from '../../calendar/calendar.module.js';
import { ProceduresModule } from '../../procedures/procedures.module.js';
import { UsersModule } from '../../users/users.module.js';
import { ProcedureSeeder } from './procedure-seeder.js';
import { SeedService } from './seed.service.js';

@Module({
  imports: [AgenciesModule, UsersModule, CalendarModule, ProceduresModule],
  providers: [SeedService, ProcedureSeeder],
  exports: [SeedService],
})
export class SeedModule {}
