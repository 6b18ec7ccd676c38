import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { Problem } from '../common/problem.js';
import type { Principal } from '../common/roles.js';
import { toPrincipal, UsersService } from '../users/users.service.js';
import type { UserEntity } from '../users/user.entity.js';
import type { LoginDto, RegisterDto } from './auth.dto.js';
import { LoginThrottleService } from './login-throttle.service.js';
import { dummyPasswordHash, verifyPassword } from './password.js';

export interface JwtPayload {
  sub: string;
}

export interface Session {
  accessToken: string;
  expiresIn: number;
  user: Principal;
}

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly throttle: LoginThrottleService,
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  register(dto: RegisterDto, ip: string): Promise<UserEntity> {
    return this.users.create({ ...dto, roles: ['CITIZEN'] }, { id: null, ip }, 'user.registered');
  }

  /** Same answer for a wrong password and an unknown account, so accounts cannot be discovered. */
  async login(dto: LoginDto, ip: string): Promise<Session> {
    await this.throttle.assertAllowed(dto.username, ip);
    const user = await this.users.findForLogin(dto.username);
    const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), dto.password);
    if (!user || !ok || !user.active) {
      await this.throttle.recordFailure(dto.username, ip);
      throw Problem.unauthenticated('auth.invalidCredentials');
    }
    const payload: JwtPayload = { sub: user.id };
    return {
      accessToken: await this.jwt.signAsync(payload),
      expiresIn: this.config.jwtTtlSeconds,
      user: toPrincipal(user),
    };
  }
}
