import { Controller, Get, Query, Render, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Roles } from '../../auth/guards.js';
import { CalendarService } from '../../calendar/calendar.service.js';
import type { Principal } from '../../common/roles.js';
import { WorkspaceQueriesService } from '../../dossiers/workspace-queries.service.js';
import { applicableFilters, defaultQueue, parseQueue, WORKSPACE_ROLES } from '../../dossiers/workspace-queues.js';
import { pageLang } from '../page-context.js';
import { WebSessionGuard } from '../web-session.guard.js';
import { queuePageView } from './queue-view.js';

const PAGE_SIZE = 20;

/** The officers' queues ("Xử lý hồ sơ"): what waits at their agencies, per status and step. */
@ApiExcludeController()
@Controller('workspace')
@UseGuards(WebSessionGuard)
@Roles(...WORKSPACE_ROLES)
export class WorkspacePagesController {
  constructor(
    private readonly queues: WorkspaceQueriesService,
    private readonly calendars: CalendarService,
  ) {}

  @Get()
  @Render('pages/workspace/queues')
  async queuesPage(@Query() raw: Record<string, unknown>, @CurrentUser() user: Principal, @Res({ passthrough: true }) res: Response) {
    const queue = parseQueue(raw.queue) ?? defaultQueue(user.roles);
    const asked = ([] as unknown[]).concat(raw.filter ?? []).filter((f): f is string => typeof f === 'string');
    const params = {
      queue,
      filters: applicableFilters(queue, asked),
      step: typeof raw.step === 'string' && raw.step.length <= 64 && raw.step ? raw.step : undefined,
      page: pageNumber(raw.page),
    };
    const asOf = new Date();
    const [page, calendar] = await Promise.all([
      this.queues.queue(user, { ...params, pageSize: PAGE_SIZE }, asOf),
      this.calendars.calendar(),
    ]);
    return { ...queuePageView(page, params, calendar, asOf, pageLang(res)), isReceptionist: user.roles.includes('RECEPTIONIST') };
  }
}

/** A page number from the query; anything else is the first page (a stale or hand-typed link is not an error). */
function pageNumber(raw: unknown): number {
  const n = typeof raw === 'string' ? Number(raw) : NaN;
  return Number.isInteger(n) && n >= 1 && n <= 100_000 ? n : 1;
}
