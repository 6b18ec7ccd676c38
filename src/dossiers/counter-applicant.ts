import { randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { audit } from '../audit/audit.js';
import { hashPassword } from '../auth/password.js';
import { uniqueViolation } from '../common/db-errors.js';
import { Problem } from '../common/problem.js';

export interface CounterApplicant {
  citizenId: string;
  fullName: string;
  email?: string;
  phone?: string;
}

/**
 * `app_user.email` is NOT NULL and unique, and people at the counter often have
 * no email: their account gets this address. `.invalid` is reserved (RFC 2606),
 * so nothing is ever delivered to it, and the citizen ID keeps it unique.
 */
export function placeholderEmail(citizenId: string): string {
  return `${citizenId}@counter.invalid`;
}

export function isPlaceholderEmail(email: string): boolean {
  return email.endsWith('@counter.invalid');
}

/** The account of the citizen ID, if there is one. */
export async function findApplicant(tx: EntityManager, citizenId: string): Promise<{ id: string; fullName: string } | null> {
  const [row] = (await tx.query(`SELECT id, full_name AS "fullName" FROM app_user WHERE citizen_id = $1`, [citizenId])) as {
    id: string;
    fullName: string;
  }[];
  return row ?? null;
}

/**
 * A citizen account opened at the counter, in the intake's transaction: role
 * CITIZEN, a random password nobody knows (the person sets one later through
 * the password reset). Another intake creating the same person at the same
 * moment makes this one fail on the unique citizen ID: 409, try again.
 */
export async function createApplicant(tx: EntityManager, a: CounterApplicant, by: { id: string }): Promise<string> {
  const email = a.email ?? placeholderEmail(a.citizenId);
  const passwordHash = await hashPassword(randomBytes(32).toString('base64url'));
  try {
    // A unique violation aborts the intake's transaction: the whole intake rolls back and answers 409.
    const [row] = (await tx.query(
      `INSERT INTO app_user (email, full_name, citizen_id, phone, password_hash, roles)
       VALUES ($1, $2, $3, $4, $5, ARRAY['CITIZEN']) RETURNING id`,
      [email, a.fullName, a.citizenId, a.phone ?? null, passwordHash],
    )) as { id: string }[];
    await audit(tx, {
      actorId: by.id,
      action: 'user.created-at-counter',
      targetType: 'user',
      targetId: row.id,
      detail: { citizenId: a.citizenId, email, placeholderEmail: !a.email },
    });
    return row.id;
  } catch (err) {
    const constraint = uniqueViolation(err);
    if (constraint === 'app_user_email_key') throw Problem.conflict('conflict.email', 'applicant.email');
    if (constraint === 'app_user_citizen_id_key') throw Problem.conflict('conflict.citizenId', 'applicant.citizenId');
    throw err;
  }
}
