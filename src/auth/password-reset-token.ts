/**
 * Reset tokens: 256 random bits, base64url (43 characters) in the mail; only
 * their SHA-256 is stored, so a copy of the database resets no password.
 */
import { createHash, randomBytes } from 'node:crypto';

/** How long a mailed link works. */
export const RESET_TOKEN_MINUTES = 30;

export function newResetToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashResetToken(token) };
}

export function hashResetToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
