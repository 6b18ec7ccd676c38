import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Problem } from '../common/problem.js';
import type { Lang } from '../i18n/i18n.js';
import { LoginThrottleService } from './login-throttle.service.js';
import { hashPassword } from './password.js';
import { hashResetToken, newResetToken, RESET_TOKEN_MINUTES } from './password-reset-token.js';

/** The outbox row that mails a reset link (see PasswordResetMail). */
export const PASSWORD_RESET_KIND = 'password-reset';

export interface PasswordResetPayload {
  userId: string;
  token: string;
  lang: Lang;
}

/**
 * A citizen who has no password (opened at the counter or by an import) or
 * forgot it sets a new one through a mailed, single-use, expiring link.
 * Requests count against the sign-in throttle (per address and per account),
 * so the form can neither flood a mailbox nor probe accounts faster than the
 * sign-in form; and it answers the same whether the email exists or not.
 */
@Injectable()
export class PasswordResetService {
  constructor(
    private readonly db: DataSource,
    private readonly throttle: LoginThrottleService,
  ) {}

  /** Mails a link to the active citizen account with this email, if there is one; silent otherwise. */
  async request(email: string, ip: string, lang: Lang): Promise<void> {
    await this.throttle.assertAllowed(email, ip);
    await this.throttle.recordFailure(email, ip); // an attempt like a sign-in: the same limit applies
    const { token, hash } = newResetToken();
    // The token row and its mail in one statement (one transaction): both or neither.
    await this.db.query(
      `WITH u AS (SELECT id FROM app_user WHERE email = $1 AND active AND 'CITIZEN' = ANY(roles)),
            r AS (INSERT INTO password_reset (user_id, token_hash, expires_at)
                  SELECT id, $2, now() + make_interval(mins => $3) FROM u RETURNING user_id)
       INSERT INTO outbox (kind, payload)
       SELECT $4, json_build_object('userId', user_id, 'token', $5::text, 'lang', $6::text) FROM r`,
      [email, hash, RESET_TOKEN_MINUTES, PASSWORD_RESET_KIND, token, lang],
    );
  }

  /** Whether a link can still be used (for the page that asks for the new password). */
  async isUsable(token: string): Promise<boolean> {
    const [row] = (await this.db.query(
      `SELECT 1 FROM password_reset r JOIN app_user u ON u.id = r.user_id
        WHERE r.token_hash = $1 AND r.used_at IS NULL AND r.expires_at > now() AND u.active`,
      [hashResetToken(token)],
    )) as unknown[];
    return !!row;
  }

  /** Sets the new password and spends the token (and every other open one of the account); 422 on a bad link. */
  async reset(token: string, password: string, ip: string): Promise<void> {
    // Bad links are counted under the address alone (no account is named by a token).
    const key = `password-reset@${ip}`;
    await this.throttle.assertAllowed(key, ip);
    const passwordHash = await hashPassword(password);
    const done = await this.db.transaction(async (tx) => {
      const [row] = (await tx.query(
        `SELECT r.user_id AS "userId" FROM password_reset r JOIN app_user u ON u.id = r.user_id
          WHERE r.token_hash = $1 AND r.used_at IS NULL AND r.expires_at > now() AND u.active
          FOR UPDATE OF r`,
        [hashResetToken(token)],
      )) as { userId: string }[];
      if (!row) return false;
      await tx.query(`UPDATE password_reset SET used_at = now() WHERE user_id = $1 AND used_at IS NULL`, [row.userId]);
      await tx.query(`UPDATE app_user SET password_hash = $2, updated_at = now() WHERE id = $1`, [row.userId, passwordHash]);
      return true;
    });
    if (!done) {
      await this.throttle.recordFailure(key, ip);
      throw Problem.validation([{ path: 'token', code: 'passwordReset.invalidToken' }]);
    }
  }
}
