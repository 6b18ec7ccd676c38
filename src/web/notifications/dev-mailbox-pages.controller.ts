import { Controller, Get, Inject, Render, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../../auth/guards.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { Problem } from '../../common/problem.js';
import { t } from '../../i18n/i18n.js';
import { readMailbox } from '../../notifications/mail/dev-mailbox.js';
import { mailDir } from '../../notifications/mail/mailer.js';
import { formatLocal } from '../../notifications/templates.js';
import { pageLang } from '../page-context.js';
import { WebSessionGuard } from '../web-session.guard.js';

/**
 * The mail the portal wrote to `$DATA_DIR/mail` (no SMTP_URL): for developers
 * and testers to read what citizens and officers would receive. Never in
 * production, where it does not exist (404), and only for administrators:
 * the mails hold personal data.
 */
@ApiExcludeController()
@Controller('dev/mailbox')
@UseGuards(WebSessionGuard)
@Roles('ADMIN')
export class DevMailboxPagesController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Get()
  @Render('pages/dev/mailbox')
  async page(@Res({ passthrough: true }) res: Response) {
    if (this.config.env === 'production') throw Problem.notFound();
    const lang = pageLang(res);
    const dir = mailDir(this.config);
    const mails = await readMailbox(dir);
    return {
      title: t(lang, 'devMailbox.title'),
      dir,
      smtp: Boolean(this.config.smtpUrl),
      mails: mails.map((m) => ({ ...m, date: m.date ? formatLocal(m.date.toISOString()) : '—' })),
    };
  }
}
