import { Body, Controller, Get, Ip, Post, Query, Redirect, Render, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { AgenciesService } from '../../agencies/agencies.service.js';
import { CreateAgencyDto } from '../../agencies/agency.dto.js';
import { CurrentUser, Roles } from '../../auth/guards.js';
import { AGENCY_LEVELS, ROLES, type Principal } from '../../common/roles.js';
import type { Problem } from '../../common/problem.js';
import { validateInput } from '../../common/validation.js';
import { t, type Lang } from '../../i18n/i18n.js';
import { CreateUserDto, toUserResponse, UserListQuery } from '../../users/user.dto.js';
import { UsersService } from '../../users/users.service.js';
import { emptyForm, formWithErrors, type FormState } from '../form.js';
import { pageLang, setFlash } from '../page-context.js';
import { pick } from '../portal/portal-pages.controller.js';
import { WebSessionGuard } from '../web-session.guard.js';

const AGENCY_FIELDS = ['code', 'name', 'level', 'parentCode'];
const USER_FIELDS = ['fullName', 'email', 'password', 'roles', 'agencyCode', 'citizenId', 'phone'];
const LABELS = {
  code: 'field.code',
  name: 'field.name',
  level: 'field.level',
  parentCode: 'field.parent',
  email: 'field.email',
  fullName: 'field.fullName',
  password: 'field.password',
  roles: 'field.roles',
  agencyCode: 'field.agency',
  citizenId: 'field.citizenId',
  phone: 'field.phone',
} as const;

@ApiExcludeController()
@Controller('admin')
@UseGuards(WebSessionGuard)
@Roles('ADMIN')
export class AdminPagesController {
  constructor(
    private readonly agencies: AgenciesService,
    private readonly users: UsersService,
  ) {}

  @Get()
  @Redirect('/admin/agencies', 303)
  index(): void {}

  @Get('agencies')
  @Render('pages/admin/agencies')
  async agenciesPage(@Res({ passthrough: true }) res: Response) {
    return this.agenciesView(pageLang(res), emptyForm({ level: 'COMMUNE' }));
  }

  @Post('agencies')
  async createAgency(
    @Body() body: Record<string, unknown>,
    @CurrentUser() admin: Principal,
    @Ip() ip: string,
    @Res() res: Response,
  ): Promise<void> {
    try {
      const agency = await this.agencies.create(await validateInput(CreateAgencyDto, pick(body, AGENCY_FIELDS)), admin, ip);
      setFlash(res, 'admin.agencies.created', agency.code);
      res.redirect(303, '/admin/agencies');
    } catch (err) {
      const lang = pageLang(res);
      const form = formWithErrors(err, lang, body, AGENCY_FIELDS, LABELS);
      res.status((err as Problem).status).render('pages/admin/agencies', await this.agenciesView(lang, form));
    }
  }

  @Get('users')
  @Render('pages/admin/users')
  async usersPage(@Query() raw: Record<string, unknown>, @Res({ passthrough: true }) res: Response) {
    const query = await validateInput(UserListQuery, pick(raw, ['q', 'page', 'pageSize']), 'query');
    const page = await this.users.list(query);
    const pages = Math.max(1, Math.ceil(page.total / page.pageSize));
    const link = (p: number) => `/admin/users?${new URLSearchParams({ ...(query.q && { q: query.q }), page: String(p) })}`;
    return {
      title: t(pageLang(res), 'admin.users.title'),
      q: query.q ?? '',
      users: page.items.map(toUserResponse),
      total: page.total,
      previous: page.page > 1 ? link(page.page - 1) : null,
      next: page.page < pages ? link(page.page + 1) : null,
    };
  }

  @Get('users/new')
  @Render('pages/admin/user-new')
  async newUserPage(@Res({ passthrough: true }) res: Response) {
    return this.userFormView(pageLang(res), emptyForm({ roles: [] }));
  }

  @Post('users')
  async createUser(
    @Body() body: Record<string, unknown>,
    @CurrentUser() admin: Principal,
    @Ip() ip: string,
    @Res() res: Response,
  ): Promise<void> {
    const values = { ...body, roles: ([] as unknown[]).concat(body.roles ?? []) };
    try {
      const user = await this.users.createByAdmin(await validateInput(CreateUserDto, pick(values, USER_FIELDS)), admin, ip);
      setFlash(res, 'admin.users.created', user.email);
      res.redirect(303, '/admin/users');
    } catch (err) {
      const lang = pageLang(res);
      const form = formWithErrors(err, lang, values, USER_FIELDS, LABELS);
      res.status((err as Problem).status).render('pages/admin/user-new', await this.userFormView(lang, form));
    }
  }

  private async agenciesView(lang: Lang, form: FormState) {
    const all = await this.agencies.list();
    return {
      title: t(lang, 'admin.agencies.title'),
      tree: await this.agencies.tree(),
      form,
      levels: AGENCY_LEVELS.map((level) => ({ value: level, label: t(lang, `level.${level}`), selected: form.values.level === level })),
      parents: all
        .filter((a) => a.level === 'PROVINCE')
        .map((a) => ({ value: a.code, label: `${a.code} — ${a.name}`, selected: form.values.parentCode === a.code })),
    };
  }

  private async userFormView(lang: Lang, form: FormState) {
    const chosen = (form.values.roles as string[] | undefined) ?? [];
    const agencies = await this.agencies.list();
    return {
      title: t(lang, 'admin.users.new'),
      form,
      roles: ROLES.map((role) => ({ value: role, label: t(lang, `role.${role}`), checked: chosen.includes(role) })),
      agencies: agencies.map((a) => ({ value: a.code, label: `${a.code} — ${a.name}`, selected: form.values.agencyCode === a.code })),
    };
  }
}
