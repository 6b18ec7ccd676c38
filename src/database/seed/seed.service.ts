import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { AgenciesService } from '../../agencies/agencies.service.js';
import { AgencyEntity } from '../../agencies/agency.entity.js';
import { CalendarSeeder } from '../../calendar/calendar-seeder.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { UsersService } from '../../users/users.service.js';
import { ProcedureSeeder } from './procedure-seeder.js';
import { UserEntity } from '../../users/user.entity.js';
import { DEMO_AGENCIES, DEMO_PASSWORD, DEMO_USERS } from './demo-data.js';

/** Start-up data: the first administrator, and the demo province when DEMO_DATA is on. Idempotent. */
@Injectable()
export class SeedService {
  constructor(
    private readonly db: DataSource,
    private readonly agencies: AgenciesService,
    private readonly users: UsersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly calendars: CalendarSeeder,
    private readonly procedures: ProcedureSeeder,
  ) {}

  async run(log: Logger): Promise<void> {
    await this.calendars.seedOfficial(log); // official data, not demo data: always
    await this.seedFirstAdmin(log);
    if (this.config.demoData) {
      await this.seedDemo(log);
      await this.procedures.seedDemo(log);
    }
  }

  private async seedFirstAdmin(log: Logger): Promise<void> {
    if ((await this.users.countAdmins()) > 0) return;
    const admin = this.config.firstAdmin;
    if (!admin) {
      log.warn('no administrator exists: set ADMIN_EMAIL and ADMIN_PASSWORD to create the first one');
      return;
    }
    await this.users.create(
      { email: admin.email.toLowerCase(), fullName: 'Administrator', password: admin.password, roles: ['ADMIN'] },
      { id: null },
      'user.first-admin',
    );
    log.info({ email: admin.email }, 'first administrator created from ADMIN_EMAIL');
  }

  private async seedDemo(log: Logger): Promise<void> {
    for (const a of DEMO_AGENCIES) {
      if (!(await this.db.getRepository(AgencyEntity).existsBy({ code: a.code }))) await this.agencies.create(a, null);
    }
    for (const u of DEMO_USERS) {
      if (!(await this.db.getRepository(UserEntity).existsBy({ email: u.email }))) {
        await this.users.create({ ...u, password: DEMO_PASSWORD }, { id: null }, 'user.demo');
      }
    }
    log.info(
      { demoPassword: DEMO_PASSWORD, accounts: DEMO_USERS.map((u) => `${u.roles.join(',')}: ${u.email}`) },
      'demo data loaded (DEMO_DATA=false turns it off); every demo account uses the password shown',
    );
  }
}
