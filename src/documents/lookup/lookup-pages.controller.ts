import { Controller, Get, Param, Query, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { t, type Lang } from '../../i18n/i18n.js';
import type { MessageKey } from '../../i18n/messages.js';
import { emptyForm, type FormState } from '../../web/form.js';
import { pageLang } from '../../web/page-context.js';
import { WebSessionGuard } from '../../web/web-session.guard.js';
import { lookupPageView } from './lookup-page-view.js';
import { normaliseCode } from './lookup-record.js';
import { LookupRateGuard } from './lookup-rate.guard.js';
import { LookupService } from './lookup.service.js';

const VIEW = 'pages/lookup/lookup';

/** `/lookup`: a one-field form; `/lookup/{code}`: where that dossier stands. The QR codes of the forms open the latter. */
@ApiExcludeController()
@Controller('lookup')
@UseGuards(WebSessionGuard)
export class LookupPagesController {
  constructor(private readonly lookup: LookupService) {}

  /** The form uses GET, so a lookup is a plain link; a submitted code is sent on to its own address. */
  @Get()
  form(@Query('code') raw: unknown, @Res() res: Response): void {
    const lang = pageLang(res);
    if (raw === undefined) return res.render(VIEW, { title: t(lang, 'lookup.title'), form: emptyForm() });
    const code = normaliseCode(raw);
    if (!code) {
      const error = typeof raw === 'string' && raw.trim() ? 'lookup.codeFormat' : 'lookup.codeRequired';
      return res.status(422).render(VIEW, { title: t(lang, 'lookup.title'), form: withError(lang, raw, error) });
    }
    res.redirect(303, `/lookup/${encodeURIComponent(code)}`);
  }

  @Get(':code')
  @UseGuards(LookupRateGuard)
  async status(@Param('code') raw: string, @Res() res: Response): Promise<void> {
    const lang = pageLang(res);
    const code = normaliseCode(raw);
    const found = code ? await this.lookup.find(code) : null;
    if (!found) {
      return res.status(404).render(VIEW, { title: t(lang, 'lookup.title'), form: withError(lang, raw, 'lookup.notFound') });
    }
    const lookup = lookupPageView(found, lang);
    res.render(VIEW, { title: t(lang, 'lookup.result.title', { code: lookup.code }), lookup, form: emptyForm() });
  }
}

function withError(lang: Lang, value: unknown, key: MessageKey): FormState {
  const message = t(lang, key);
  return {
    values: { code: typeof value === 'string' ? value.slice(0, 64) : '' },
    errors: { code: message },
    errorList: [{ href: '#code', message: `${t(lang, 'lookup.field.code')}: ${message}` }],
  };
}
