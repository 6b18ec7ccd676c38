import { Body, Controller, Get, Ip, Post, Query, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Problem } from '../common/problem.js';
import { validateInput } from '../common/validation.js';
import { t, type Lang } from '../i18n/i18n.js';
import { emptyForm, formWithErrors } from '../web/form.js';
import { pageLang, setFlash } from '../web/page-context.js';
import { WebSessionGuard } from '../web/web-session.guard.js';
import { PasswordResetDto, PasswordResetRequestDto } from './password-reset.dto.js';
import { PasswordResetService } from './password-reset.service.js';

const REQUEST_VIEW = 'pages/password-reset';
const NEW_VIEW = 'pages/password-reset-new';

/** "Forgot your password" → a mailed link → a new password. Signed out; every post carries its CSRF token. */
@ApiExcludeController()
@Controller('password-reset')
@UseGuards(WebSessionGuard)
export class PasswordResetPagesController {
  constructor(private readonly resets: PasswordResetService) {}

  @Get()
  requestForm(@Res() res: Response): void {
    res.render(REQUEST_VIEW, { title: t(pageLang(res), 'passwordReset.title'), form: emptyForm() });
  }

  /** The same answer whether an account has this email or not: no account can be discovered here. */
  @Post()
  async request(@Body() body: Record<string, unknown>, @Ip() ip: string, @Res() res: Response): Promise<void> {
    const lang = pageLang(res);
    try {
      const dto = await validateInput(PasswordResetRequestDto, { email: body.email });
      await this.resets.request(dto.email, ip, lang);
      setFlash(res, 'passwordReset.sent');
      res.redirect(303, '/login');
    } catch (err) {
      const form = formWithErrors(asFormProblem(err), lang, { email: body.email }, ['email'], { email: 'field.email' });
      res.status((err as Problem).status).render(REQUEST_VIEW, { title: t(lang, 'passwordReset.title'), form });
    }
  }

  @Get('new')
  async newPasswordForm(@Query('token') token: unknown, @Res() res: Response): Promise<void> {
    const lang = pageLang(res);
    const usable = typeof token === 'string' && (await this.resets.isUsable(token));
    res.status(usable ? 200 : 404).render(NEW_VIEW, newView(lang, usable ? token : null, emptyForm()));
  }

  @Post('new')
  async setPassword(@Body() body: Record<string, unknown>, @Ip() ip: string, @Res() res: Response): Promise<void> {
    const lang = pageLang(res);
    try {
      const dto = await validateInput(PasswordResetDto, { token: body.token, password: body.password });
      await this.resets.reset(dto.token, dto.password, ip);
      setFlash(res, 'passwordReset.done');
      res.redirect(303, '/login');
    } catch (err) {
      const problem = asFormProblem(err);
      const badLink = problem instanceof Problem && problem.errors.some((e) => e.path === 'token');
      const form = formWithErrors(problem, lang, {}, ['password'], { password: 'field.password' });
      res
        .status(badLink ? 404 : (err as Problem).status)
        .render(NEW_VIEW, newView(lang, badLink ? null : typeof body.token === 'string' ? body.token : null, form));
    }
  }
}

function newView(lang: Lang, token: string | null, form: ReturnType<typeof emptyForm>) {
  return { title: t(lang, 'passwordReset.new.title'), usable: token !== null, token, form };
}

/** Too many tries is told at the top of the form, as on the sign-in page. */
function asFormProblem(err: unknown): unknown {
  return err instanceof Problem && err.status === 429 ? Problem.validation([{ path: 'form', code: err.code }]) : err;
}
