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
import { DataSource } from 'typeorm';
import { isUuid } from '../common/ids.js';
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

/**
 * The principal of every authenticated request, read afresh each time (a
 * deactivated account stops acting at once): one plain statement, no entity
 * hydration, as `UsersService.findPrincipal` answers it.
 */
async function principalOf(db: DataSource, payload: JwtPayload): Promise<Principal> {
  const id = String(payload.sub);
  const [user] = isUuid(id) ? ((await db.query(PRINCIPAL, [id])) as Principal[]) : [];
  if (!user) throw Problem.unauthenticated();
  return user;
}

/** A named statement: PostgreSQL parses and plans it once per connection (TypeORM hands the object to the driver). */
const PRINCIPAL = {
  name: 'auth_principal',
  text: `SELECT u.id, u.full_name AS "fullName", u.email, u.citizen_id AS "citizenId", u.roles,
                CASE WHEN a.id IS NULL THEN NULL ELSE json_build_object('id', a.id, 'code', a.code, 'name', a.name, 'level', a.level) END AS agency
           FROM app_user u LEFT JOIN agency a ON a.id = u.agency_id
          WHERE u.id = $1 AND u.active`,
} as unknown as string;

/** The API's: `Authorization: Bearer <token>` only, so the API needs no CSRF protection. */
@Injectable()
export class BearerJwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly db: DataSource,
  ) {
    super(options(config, ExtractJwt.fromAuthHeaderAsBearerToken()));
  }

  validate(payload: JwtPayload): Promise<Principal> {
    return principalOf(this.db, payload);
  }
}

/** The pages': the same token in an httpOnly cookie; their form posts carry a CSRF token. */
@Injectable()
export class CookieJwtStrategy extends PassportStrategy(Strategy, 'jwt-cookie') {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly db: DataSource,
  ) {
    super(options(config, (req: Request) => (req.cookies?.[SESSION_COOKIE] as string | undefined) ?? null));
  }

  validate(payload: JwtPayload): Promise<Principal> {
    return principalOf(this.db, payload);
  }
}
