import { Module } from '@nestjs/common';
import { AgenciesModule } from '../../agencies/agencies.module.js';
import { UsersModule } from '../../users/users.module.js';
import { SeedService } from './seed.service.js';

@Module({ imports: [AgenciesModule, UsersModule], providers: [SeedService], exports: [SeedService] })
export class SeedModule {}
