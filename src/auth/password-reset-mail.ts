import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { parseLang, t } from '../i18n/i18n.js';
import { MAILER, type Mailer } from '../notifications/mail/mailer.js';
import { PermanentOutboxError, type OutboxRow } from '../notifications/outbox-dispatcher.js';
import type { PasswordResetPayload } from './password-reset.service.js';

/** The address of the page that sets a new password with `token`. */
export function resetUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/$/, '')}/password-reset/new?token=${encodeURIComponent(token)}`;
}

/**
 * A `password-reset` outbox row: the mail with the link, in the language the
 * request was made in. Once sent, the token is struck from the row (in the
 * dispatcher's transaction): only its hash stays in the database.
 */
@Injectable()
export class PasswordResetMail {
  constructor(
    @Inject(MAILER) private readonly mailer: Mailer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  readonly handle = async (row: OutboxRow, tx: EntityManager): Promise<void> => {
    const p = row.payload as Partial<PasswordResetPayload> | null;
    if (typeof p?.userId !== 'string' || typeof p.token !== 'string') throw new PermanentOutboxError('malformed password-reset payload');
    const [user] = (await tx.query(`SELECT email, full_name AS "fullName" FROM app_user WHERE id = $1`, [p.userId])) as {
      email: string;
      fullName: string;
    }[];
    if (!user) throw new PermanentOutboxError(`user ${p.userId} does not exist`);
    const lang = parseLang(p.lang) ?? 'vi';
    await this.mailer.send({
      to: user.email,
      subject: t(lang, 'passwordReset.mail.subject'),
      text: t(lang, 'passwordReset.mail.body', { name: user.fullName, url: resetUrl(this.config.publicUrl, p.token) }),
      messageId: `<outbox-${row.id}.password-reset@${new URL(this.config.publicUrl).hostname || 'localhost'}>`,
    });
    await tx.query(`UPDATE outbox SET payload = payload - 'token' WHERE id = $1`, [row.id]);
  };
}
