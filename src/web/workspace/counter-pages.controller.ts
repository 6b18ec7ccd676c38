import { Body, Controller, Get, HttpCode, Param, Post, Query, Render, Req, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentUser, Roles } from '../../auth/guards.js';
import { Problem, type FieldError } from '../../common/problem.js';
import type { Principal } from '../../common/roles.js';
import { validateInput } from '../../common/validation.js';
import { CounterApplicantDto, type ScannedFile } from '../../dossiers/counter-intake.dto.js';
import { CounterIntakeService } from '../../dossiers/counter-intake.service.js';
import { DossierQueriesService } from '../../dossiers/dossier-queries.service.js';
import { t } from '../../i18n/i18n.js';
import { CatalogueService } from '../../procedures/catalogue.service.js';
import { localized } from '../../procedures/forms/definition.js';
import { pageLang } from '../page-context.js';
import { keepVisible, readAnswers } from '../procedures/answers-carrier.js';
import { WebSessionGuard } from '../web-session.guard.js';
import { CounterContextLoader, type CounterContext } from './counter-context.js';
import { applicantFrom, counterFormView } from './counter-view.js';
import { instant, named } from './workspace-format.js';

/**
 * Counter intake ("tiếp nhận trực tiếp"): choose the procedure, fill in the
 * person, the form and the scans on one page, and the dossier is received;
 * the last page prints the receipt. The multipart post is parsed before the
 * guard (MultipartFirstMiddleware), so its CSRF token is checked like any form's.
 */
@ApiExcludeController()
@Controller('workspace/counter')
@UseGuards(WebSessionGuard)
@Roles('RECEPTIONIST')
export class CounterPagesController {
  constructor(
    private readonly catalogue: CatalogueService,
    private readonly contexts: CounterContextLoader,
    private readonly intake: CounterIntakeService,
    private readonly queries: DossierQueriesService,
  ) {}

  /** The procedures the receptionist's agency serves, searchable. */
  @Get()
  @Render('pages/workspace/counter-choose')
  async choose(@Query('q') q: unknown, @CurrentUser() user: Principal, @Res({ passthrough: true }) res: Response) {
    const lang = pageLang(res);
    const query = typeof q === 'string' ? q.slice(0, 100) : '';
    const page = await this.catalogue.search({ agencyCode: user.agency?.code ?? '-', q: query || undefined, pageSize: 100 });
    return {
      title: t(lang, 'counter.choose.title'),
      q: query,
      total: page.total,
      procedures: page.items.map((p) => ({
        code: p.code,
        name: localized(p.name, lang),
        sector: p.sector,
        href: `/workspace/counter/${encodeURIComponent(p.code)}`,
      })),
    };
  }

  @Get('received/:id')
  @Render('pages/workspace/counter-received')
  async received(@Param('id') id: string, @CurrentUser() user: Principal, @Res({ passthrough: true }) res: Response) {
    const lang = pageLang(res);
    const { dossier: d, procedureName } = await this.queries.get(user, id);
    return {
      title: t(lang, 'counter.received.title'),
      code: d.code,
      procedure: named(procedureName, lang, d.procedureCode),
      received: instant(d.receivedAt, lang),
      due: instant(d.dueAt, lang),
      receipt: `/dossiers/${d.id}/receipt.pdf`,
      dossier: `/workspace/dossiers/${d.id}`,
    };
  }

  @Get(':code')
  async form(@Param('code') code: string, @CurrentUser() user: Principal, @Res() res: Response): Promise<void> {
    const c = await this.served(code, user);
    res.render('pages/workspace/counter-form', counterFormView(c, {}, applicantFrom({}), [], pageLang(res)));
  }

  @Post(':code')
  @HttpCode(200)
  async take(
    @Param('code') code: string,
    @Body() body: Record<string, unknown>,
    @Req() req: Request & { files?: { fieldname: string; originalname: string; buffer: Buffer }[] },
    @CurrentUser() user: Principal,
    @Res() res: Response,
  ): Promise<void> {
    const c = await this.served(code, user);
    const answers = keepVisible(c.compiled, readAnswers(c.procedure.form, body ?? {}));
    const typed = applicantFrom(body ?? {});
    const scans: ScannedFile[] = (req.files ?? [])
      .filter((f) => f.buffer.byteLength > 0) // an empty file input still sends a part
      .flatMap((f) => {
        const m = /^files\[(.+)\]$/.exec(f.fieldname);
        return m ? [{ componentCode: m[1], fileName: f.originalname, bytes: f.buffer }] : [];
      });
    const input = { procedureCode: c.procedure.code, formData: answers, scans };
    try {
      const applicant = await validateInput(CounterApplicantDto, withoutEmpty(typed), 'applicant').catch(async (err: unknown) => {
        // The person's fields are wrong: list the rest of the problems with them, at once.
        if (!(err instanceof Problem) || err.status !== 422) throw err;
        throw Problem.validation([...err.errors, ...(await this.intake.check(user, { ...input, applicant: null }))]);
      });
      const d = await this.intake.intake(user, { ...input, applicant });
      res.redirect(303, `/workspace/counter/received/${d.id}`);
    } catch (err) {
      if (!(err instanceof Problem) || ![409, 422].includes(err.status)) throw err;
      const errors: FieldError[] = err.errors.length ? err.errors : [{ path: 'form', code: err.code }];
      res.status(err.status).render('pages/workspace/counter-form', counterFormView(c, answers, typed, errors, pageLang(res)));
    }
  }

  /** The procedure in force, if this agency serves it (else not found: the counter cannot take it in). */
  private async served(code: string, user: Principal): Promise<CounterContext> {
    const c = await this.contexts.load(code);
    if (!user.agency || !c.procedure.agencyCodes.includes(user.agency.code)) throw Problem.notFound('procedure.notFound');
    return c;
  }
}

/** Optional fields left empty are not given (the DTO's rules apply to what was typed). */
function withoutEmpty(v: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(v).filter(([, value]) => value.trim() !== ''));
}
