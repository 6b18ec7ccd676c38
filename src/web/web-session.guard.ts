import { Inject, Injectable, SetMetadata, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { Request, Response } from 'express';
import { requiredRoles } from '../auth/guards.js';
import { LoginRequired } from '../common/problem.filter.js';
import { Problem } from '../common/problem.js';
import { hasRole, STAFF_ROLES, type Principal } from '../common/roles.js';
import { CSRF } from './web.tokens.js';
import type { CsrfTools } from './csrf.js';

const SIGNED_IN_KEY = 'signedIn';

/** The page needs a signed-in user (of any role). Use `@Roles(...)` to narrow it. */
export const SignedIn = () => SetMetadata(SIGNED_IN_KEY, true);

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Every page controller's guard: checks the CSRF token of form posts, reads
 * the session cookie if there is one (a bad or expired one just means "signed
 * out"), then applies the page's `@SignedIn()` / `@Roles()`.
 */
@Injectable()
export class WebSessionGuard extends AuthGuard('jwt-cookie') implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(CSRF) private readonly csrf: CsrfTools,
  ) {
    super();
  }

  override async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const req = ctx.switchToHttp().getRequest<Request & { user?: Principal | null }>();
    const res = ctx.switchToHttp().getResponse<Response>();
    if (!SAFE_METHODS.has(req.method) && !this.csrf.isValid(req)) throw new Problem(403, 'error.csrf');

    await super.canActivate(ctx);
    const user = req.user ?? null;
    res.locals.user = user;
    res.locals.isAdmin = hasRole(user, 'ADMIN');
    res.locals.isStaff = hasRole(user, ...STAFF_ROLES); // the header's "Workspace" link
    res.locals.isManager = hasRole(user, 'MANAGER', 'LEADER', 'ADMIN'); // the header's "Dashboard" link

    const roles = requiredRoles(this.reflector, ctx);
    const signedIn = this.reflector.getAllAndOverride<boolean | undefined>(SIGNED_IN_KEY, [ctx.getHandler(), ctx.getClass()]);
    if ((roles || signedIn) && !user) throw new LoginRequired();
    if (roles && !hasRole(user, ...roles)) throw Problem.forbidden('error.403');
    return true;
  }

  /** Never fails: pages are public unless marked otherwise. */
  override handleRequest<T>(_err: unknown, user: T): T {
    return (user || null) as T;
  }
}
