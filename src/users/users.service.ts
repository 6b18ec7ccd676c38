import { Injectable } from '@nestjs/common';
import { isUuid } from '../common/ids.js';
import { DataSource, type EntityManager } from 'typeorm';
import { AgencyEntity } from '../agencies/agency.entity.js';
import { audit } from '../audit/audit.js';
import { hashPassword } from '../auth/password.js';
import { uniqueViolation } from '../common/db-errors.js';
import { pageWindow, type Page } from '../common/pagination.js';
import { Problem } from '../common/problem.js';
import { STAFF_ROLES, type Principal, type Role } from '../common/roles.js';
import type { CreateUserDto, UserListQuery } from './user.dto.js';
import { UserEntity } from './user.entity.js';

export interface NewUser {
  email: string;
  fullName: string;
  password: string;
  roles: Role[];
  agencyCode?: string;
  citizenId?: string;
  phone?: string;
}

/** Accounts: creation (by registration or by an admin), lookup, listing. */
@Injectable()
export class UsersService {
  constructor(private readonly db: DataSource) {}

  /** Creates an account in one transaction with its audit event; 409 on a taken email or citizen ID. */
  async create(input: NewUser, actor: { id: string | null; ip?: string }, action = 'user.created'): Promise<UserEntity> {
    const passwordHash = await hashPassword(input.password);
    try {
      return await this.db.transaction(async (tx) => {
        const agency = await this.resolveAgency(tx, input);
        const user = tx.create(UserEntity, {
          email: input.email,
          fullName: input.fullName,
          citizenId: input.citizenId ?? null,
          phone: input.phone ?? null,
          passwordHash,
          roles: [...new Set(input.roles)],
          agencyId: agency?.id ?? null,
        });
        await tx.save(user);
        user.agency = agency;
        await audit(tx, {
          actorId: actor.id ?? user.id,
          action,
          targetType: 'user',
          targetId: user.id,
          detail: { email: user.email, roles: user.roles, agencyCode: agency?.code ?? null },
          ip: actor.ip,
        });
        return user;
      });
    } catch (err) {
      const constraint = uniqueViolation(err);
      if (constraint === 'app_user_email_key') throw Problem.conflict('conflict.email', 'email');
      if (constraint === 'app_user_citizen_id_key') throw Problem.conflict('conflict.citizenId', 'citizenId');
      throw err;
    }
  }

  createByAdmin(dto: CreateUserDto, admin: Principal, ip?: string): Promise<UserEntity> {
    return this.create(dto, { id: admin.id, ip });
  }

  private async resolveAgency(tx: EntityManager, input: NewUser): Promise<AgencyEntity | null> {
    const needsAgency = input.roles.some((r) => STAFF_ROLES.includes(r));
    if (!input.agencyCode) {
      if (needsAgency) throw Problem.validation([{ path: 'agencyCode', code: 'user.staffNeedsAgency' }]);
      return null;
    }
    const agency = await tx.findOneBy(AgencyEntity, { code: input.agencyCode });
    if (!agency) throw Problem.validation([{ path: 'agencyCode', code: 'agency.notFound' }]);
    return agency;
  }

  async list(query: UserListQuery): Promise<Page<UserEntity>> {
    const { page, pageSize, skip } = pageWindow(query);
    const qb = this.db
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .leftJoinAndSelect('u.agency', 'agency')
      .orderBy('u.createdAt', 'DESC')
      .addOrderBy('u.id')
      .skip(skip)
      .take(pageSize);
    if (query.q) {
      qb.where('(u.fullName ILIKE :q OR u.email ILIKE :q)', { q: `%${query.q.replace(/[\\%_]/g, '\\$&')}%` });
    }
    const [items, total] = await qb.getManyAndCount();
    return { items, total, page, pageSize };
  }

  /** The account behind a token, if it still exists and is active. */
  async findPrincipal(id: string): Promise<Principal | null> {
    if (!isUuid(id)) return null;
    // Runs on every authenticated request: one query (findOne with a relation sends two, a DISTINCT of ids first).
    const user = await this.db
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .leftJoinAndSelect('u.agency', 'agency')
      .where('u.id = :id AND u.active', { id })
      .getOne();
    return user ? toPrincipal(user) : null;
  }

  /** Finds an account by email or citizen ID, with its password hash, for signing in. */
  async findForLogin(username: string): Promise<(UserEntity & { passwordHash: string }) | null> {
    const name = username.trim().toLowerCase();
    const column = /^\d{12}$/.test(name) ? 'citizen_id' : 'email';
    return (await this.db
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .leftJoinAndSelect('u.agency', 'agency')
      .where(`u.${column} = :name`, { name })
      .getOne()) as (UserEntity & { passwordHash: string }) | null;
  }

  async countAdmins(): Promise<number> {
    const [{ count }] = (await this.db.query(`SELECT count(*)::int AS count FROM app_user WHERE 'ADMIN' = ANY(roles)`)) as {
      count: number;
    }[];
    return count;
  }
}

export function toPrincipal(user: UserEntity): Principal {
  return {
    id: user.id,
    fullName: user.fullName,
    email: user.email,
    citizenId: user.citizenId,
    roles: user.roles,
    agency: user.agency ? { id: user.agency.id, code: user.agency.code, name: user.agency.name, level: user.agency.level } : null,
  };
}
