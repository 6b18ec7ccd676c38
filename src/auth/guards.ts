import { createParamDecorator, Injectable, SetMetadata, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { Request } from 'express';
import { Problem } from '../common/problem.js';
import { hasRole, type Principal, type Role } from '../common/roles.js';

const ROLES_KEY = 'roles';

/** The roles allowed on a route or controller; any one of them suffices. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal | undefined => {
  return ctx.switchToHttp().getRequest<Request & { user?: Principal }>().user;
});

export function requiredRoles(reflector: Reflector, ctx: ExecutionContext): Role[] | undefined {
  return reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [ctx.getHandler(), ctx.getClass()]);
}

/** API routes: a valid bearer token, then the route's roles. */
@Injectable()
export class ApiAuthGuard extends AuthGuard('jwt') implements CanActivate {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override async canActivate(ctx: ExecutionContext): Promise<boolean> {
    await super.canActivate(ctx);
    const roles = requiredRoles(this.reflector, ctx);
    const user = ctx.switchToHttp().getRequest<Request & { user?: Principal }>().user;
    if (roles && !hasRole(user, ...roles)) throw Problem.forbidden();
    return true;
  }

  override handleRequest<T>(err: unknown, user: T): T {
    if (err) throw err instanceof Problem ? err : Problem.unauthenticated();
    if (!user) throw Problem.unauthenticated();
    return user;
  }
}
