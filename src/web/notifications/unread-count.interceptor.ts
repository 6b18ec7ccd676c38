import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import type { Observable } from 'rxjs';
import type { Principal } from '../../common/roles.js';
import { NotificationsService } from '../../notifications/notifications.service.js';

/**
 * Puts the signed-in user's unread count in every page's locals, for the
 * header's "Thông báo (2)". Interceptors run after guards: `res.locals.user`
 * is set by WebSessionGuard on pages only, so the API pays nothing.
 */
@Injectable()
export class UnreadCountInterceptor implements NestInterceptor {
  constructor(private readonly notifications: NotificationsService) {}

  async intercept(ctx: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    if (ctx.getType() === 'http') {
      const res = ctx.switchToHttp().getResponse<Response>();
      const user = res.locals?.user as Principal | null | undefined;
      if (user) res.locals.unreadNotifications = await this.notifications.unreadCount(user.id);
    }
    return next.handle();
  }
}
