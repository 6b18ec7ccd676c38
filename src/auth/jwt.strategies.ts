import { Inject, Injectable } from '@nestjs/common';
import { createSecretKey } from 'node:crypto';
import { PassportStrategy } from '@nestjs/passport';
import type { Request } from 'express';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { deriveKey } from '../common/secrets.js';
import { Problem } from '../common/problem.js';
import type { Principal } from '../common/roles.js';
import { UsersService } from '../users/users.service.js';
import type { JwtPayload } from './auth.service.js';

export const SESSION_COOKIE = 'access_token';

function options(config: AppConfig, jwtFromRequest: (req: Request) => string | null) {
  return {
    jwtFromRequest,
    // A key object, not the string: given a string, jsonwebtoken tries on every verification to read it as a
    // PEM public key first (which throws), a sixth of the API's CPU under load. Same bytes as the signer's.
    secretOrKey: createSecretKey(Buffer.from(deriveKey(config.appSecret!, 'jwt'), 'utf8')) as unknown as string,
    algorithms: ['HS256' as const], // refuses `alg: none` and any algorithm switch
    ignoreExpiration: false,
  };
}

/** The API's: `Authorization: Bearer <token>` only, so the API needs no CSRF protection. */
@Injectable()
export class BearerJwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly users: UsersService,
  ) {
    super(options(config, ExtractJwt.fromAuthHeaderAsBearerToken()));
  }

  async validate(payload: JwtPayload): Promise<Principal> {
    const user = await this.users.findPrincipal(String(payload.sub));
    if (!user) throw Problem.unauthenticated();
    return user;
  }
}

/** The pages': the same token in an httpOnly cookie; their form posts carry a CSRF token. */
@Injectable()
export class CookieJwtStrategy extends PassportStrategy(Strategy, 'jwt-cookie') {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly users: UsersService,
  ) {
    super(options(config, (req: Request) => (req.cookies?.[SESSION_COOKIE] as string | undefined) ?? null));
  }

  async validate(payload: JwtPayload): Promise<Principal> {
    const user = await this.users.findPrincipal(String(payload.sub));
    if (!user) throw Problem.unauthenticated();
    return user;
  }
}
