import { Module, type OnModuleInit } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { OutboxDispatcher } from '../notifications/outbox-dispatcher.js';
import { WebModule } from '../web/web.module.js';
import { LoginThrottleService } from './login-throttle.service.js';
import { PasswordResetMail } from './password-reset-mail.js';
import { PasswordResetPagesController } from './password-reset-pages.controller.js';
import { PASSWORD_RESET_KIND, PasswordResetService } from './password-reset.service.js';

/** Password reset by mail: the pages, the tokens, and the outbox handler that sends the link. */
@Module({
  imports: [NotificationsModule, WebModule],
  controllers: [PasswordResetPagesController],
  providers: [PasswordResetService, PasswordResetMail, LoginThrottleService],
})
export class PasswordResetModule implements OnModuleInit {
  constructor(
    private readonly dispatcher: OutboxDispatcher,
    private readonly mail: PasswordResetMail,
  ) {}

  onModuleInit(): void {
    this.dispatcher.register(PASSWORD_RESET_KIND, this.mail.handle);
  }
}
