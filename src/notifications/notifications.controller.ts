import { Controller, Get, HttpCode, Param, Post, Query, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { ApiAuthGuard, CurrentUser } from '../auth/guards.js';
import { API_PREFIX } from '../common/api.js';
import type { Principal } from '../common/roles.js';
import { langOf } from '../i18n/i18n.js';
import { NotificationListQuery, toNotificationResponse } from './notification.dto.js';
import { NotificationsService } from './notifications.service.js';

/** The signed-in user's own in-app notifications. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller(`${API_PREFIX}/notifications`)
@UseGuards(ApiAuthGuard)
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOkResponse({ description: 'Newest first: { items, total, page, pageSize, unread }' })
  async list(@Query() query: NotificationListQuery, @CurrentUser() user: Principal, @Req() req: Request) {
    const page = await this.notifications.list(user.id, query);
    const lang = langOf(req);
    return { ...page, items: page.items.map((n) => toNotificationResponse(n, lang)) };
  }

  @Post('read-all')
  @HttpCode(200)
  markAllRead(@CurrentUser() user: Principal) {
    return this.notifications.markAllRead(user.id);
  }

  @Post(':id/read')
  @HttpCode(200)
  async markRead(@Param('id') id: string, @CurrentUser() user: Principal) {
    const n = await this.notifications.markRead(user.id, id);
    return { id: n.id, readAt: n.readAt.toISOString() };
  }
}
