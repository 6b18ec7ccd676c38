import { Body, Controller, Get, Inject, Ip, Param, Post, Query, Render, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { AgenciesService } from '../../agencies/agencies.service.js';
import { LoginDto, RegisterDto } from '../../auth/auth.dto.js';
import { AuthService } from '../../auth/auth.service.js';
import { SESSION_COOKIE } from '../../auth/jwt.strategies.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { Problem } from '../../common/problem.js';
import { validateInput } from '../../common/validation.js';
import { parseLang, t } from '../../i18n/i18n.js';
import { emptyForm, formWithErrors } from '../form.js';
import { pageLang, safeNext, setFlash } from '../page-context.js';
import { SignedIn, WebSessionGuard } from '../web-session.guard.js';

const REGISTER_FIELDS = ['citizenId', 'fullName', 'email', 'phone', 'password'];
const LABELS = {
  citizenId: 'field.citizenId',
  fullName: 'field.fullName',
  email: 'field.email',
  phone: 'field.phone',
  password: 'field.password',
  username: 'field.username',
} as const;

@ApiExcludeController()
@Controller()
@UseGuards(WebSessionGuard)
export class PortalPagesController {
  constructor(
    private readonly auth: AuthService,
    private readonly agencies: AgenciesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @Render('pages/home')
  async home(@Res({ passthrough: true }) res: Response) {
    return { title: t(pageLang(res), 'home.title'), agencies: await this.agencies.tree() };
  }

  /** The language switch: remembered in a cookie, then back to the page the person was on. */
  @Get('lang/:lang')
  switchLang(@Param('lang') lang: string, @Query('next') next: string, @Res() res: Response): void {
    const chosen = parseLang(lang);
    if (chosen) res.cookie('lang', chosen, { sameSite: 'lax', path: '/', maxAge: 365 * 24 * 3600 * 1000 });
    res.redirect(303, safeNext(next));
  }

  @Get('register')
  @Render('pages/register')
  registerForm(@Res({ passthrough: true }) res: Response) {
    return { title: t(pageLang(res), 'register.title'), form: emptyForm() };
  }

  @Post('register')
  async register(@Body() body: Record<string, unknown>, @Ip() ip: string, @Res() res: Response): Promise<void> {
    const lang = pageLang(res);
    try {
      await this.auth.register(await validateInput(RegisterDto, pick(body, REGISTER_FIELDS)), ip);
      setFlash(res, 'register.done');
      res.redirect(303, '/login');
    } catch (err) {
      const form = formWithErrors(err, lang, body, REGISTER_FIELDS, LABELS);
      res.status((err as Problem).status).render('pages/register', { title: t(lang, 'register.title'), form });
    }
  }

  @Get('login')
  @Render('pages/login')
  loginForm(@Query('next') next: string, @Res({ passthrough: true }) res: Response) {
    return { title: t(pageLang(res), 'login.title'), form: emptyForm(), next: safeNext(next, '') };
  }

  @Post('login')
  async login(@Body() body: Record<string, unknown>, @Ip() ip: string, @Res() res: Response): Promise<void> {
    const lang = pageLang(res);
    const next = safeNext(body.next, '/account');
    try {
      const session = await this.auth.login(await validateInput(LoginDto, pick(body, ['username', 'password'])), ip);
      res.cookie(SESSION_COOKIE, session.accessToken, {
        httpOnly: true,
        sameSite: 'lax',
        secure: this.config.cookieSecure,
        path: '/',
        maxAge: session.expiresIn * 1000,
      });
      res.redirect(303, next);
    } catch (err) {
      // A wrong password or too many tries is told at the top of the form, not beside a field.
      const problem =
        err instanceof Problem && [401, 429].includes(err.status) ? Problem.validation([{ path: 'form', code: err.code }]) : err;
      const form = formWithErrors(problem, lang, body, ['username', 'password'], LABELS);
      res.status((err as Problem).status).render('pages/login', { title: t(lang, 'login.title'), form, next: safeNext(body.next, '') });
    }
  }

  @Post('logout')
  logout(@Res() res: Response): void {
    res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure: this.config.cookieSecure, path: '/' });
    setFlash(res, 'logout.done');
    res.redirect(303, '/');
  }

  @Get('account')
  @SignedIn()
  @Render('pages/account')
  account(@Res({ passthrough: true }) res: Response) {
    return { title: t(pageLang(res), 'account.title') };
  }
}

/** Only the fields a form has: the CSRF token and stray inputs are not the DTO's business. */
export function pick(body: Record<string, unknown>, fields: string[]): Record<string, unknown> {
  return Object.fromEntries(fields.filter((f) => body[f] !== undefined).map((f) => [f, body[f]]));
}
