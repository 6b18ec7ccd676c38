import { Controller, Get, Param, Post, Query, Render, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser } from '../../auth/guards.js';
import type { Principal } from '../../common/roles.js';
import { validateInput } from '../../common/validation.js';
import { t } from '../../i18n/i18n.js';
import { NotificationListQuery, toNotificationResponse } from '../../notifications/notification.dto.js';
import { NotificationsService } from '../../notifications/notifications.service.js';
import { formatLocal } from '../../notifications/templates.js';
import { pageLang, setFlash } from '../page-context.js';
import { pick } from '../portal/portal-pages.controller.js';
import { SignedIn, WebSessionGuard } from '../web-session.guard.js';

/** The signed-in user's notifications, newest first, each leading to its dossier. */
@ApiExcludeController()
@Controller('notifications')
@UseGuards(WebSessionGuard)
@SignedIn()
export class NotificationPagesController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @Render('pages/notifications')
  async page(@Query() raw: Record<string, unknown>, @CurrentUser() user: Principal, @Res({ passthrough: true }) res: Response) {
    const lang = pageLang(res);
    const query = await validateInput(NotificationListQuery, pick(raw, ['page']), 'query');
    const page = await this.notifications.list(user.id, { ...query, pageSize: 20 });
    const pages = Math.max(1, Math.ceil(page.total / page.pageSize));
    return {
      title: t(lang, 'notifications.title'),
      unread: page.unread,
      total: page.total,
      items: page.items.map((n) => {
        const view = toNotificationResponse(n, lang);
        return { ...view, paragraphs: view.text.split('\n'), at: formatLocal(view.createdAt), unread: view.readAt === null };
      }),
      previous: page.page > 1 ? `/notifications?page=${page.page - 1}` : null,
      next: page.page < pages ? `/notifications?page=${page.page + 1}` : null,
    };
  }

  @Post('read-all')
  async markAllRead(@CurrentUser() user: Principal, @Res() res: Response): Promise<void> {
    await this.notifications.markAllRead(user.id);
    setFlash(res, 'notifications.markedAll');
    res.redirect(303, '/notifications');
  }

  @Post(':id/read')
  async markRead(@Param('id') id: string, @CurrentUser() user: Principal, @Res() res: Response): Promise<void> {
    await this.notifications.markRead(user.id, id);
    res.redirect(303, '/notifications');
  }
}
