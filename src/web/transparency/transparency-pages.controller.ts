import { Controller, Get, Render, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { t } from '../../i18n/i18n.js';
import { currentQuarter, currentYear, type Period } from '../../stats/period.js';
import { ServiceIndexService } from '../../stats/service-index/service-index.service.js';
import { pageLang } from '../page-context.js';
import { WebSessionGuard } from '../web-session.guard.js';
import { transparencyView } from './transparency-view.js';

/**
 * A public page anyone may reload: its figures (a year of the whole province) are computed at
 * most once in this time per replica, so that visitors cannot load the database at will.
 */
export const TRANSPARENCY_CACHE_MS = 5 * 60_000;

type Computed = { period: Period; result: Awaited<ReturnType<ServiceIndexService['perAgency']>> }[];

/** Public, without sign-in: how the province and each agency serve, this quarter and this year. */
@ApiExcludeController()
@Controller('transparency')
@UseGuards(WebSessionGuard)
export class TransparencyPagesController {
  private cached: { at: number; figures: Promise<Computed> } | null = null;

  constructor(private readonly index: ServiceIndexService) {}

  @Get()
  @Render('pages/transparency/index')
  async page(@Res({ passthrough: true }) res: Response) {
    const lang = pageLang(res);
    const names = [t(lang, 'transparency.quarter'), t(lang, 'transparency.year')];
    const figures = await this.figures();
    return transparencyView(
      figures.map(({ period, result }, i) => ({ name: names[i], period, ...result })),
      lang,
    );
  }

  private figures(): Promise<Computed> {
    const now = Date.now();
    if (!this.cached || now - this.cached.at >= TRANSPARENCY_CACHE_MS) {
      const periods = [currentQuarter(new Date(now)), currentYear(new Date(now))];
      const figures = Promise.all(
        periods.map(async (period) => ({ period, result: await this.index.perAgency({ ...period, agencyIds: null }) })),
      );
      const entry = { at: now, figures };
      this.cached = entry;
      figures.catch(() => {
        if (this.cached === entry) this.cached = null; // a failure is not kept
      });
    }
    return this.cached.figures;
  }
}
