import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Problem } from '../common/problem.js';
import type { Principal } from '../common/roles.js';
import { lockDossier, recordEvent } from '../dossiers/dossier-recording.js';
import { isRateable, ratingErrors, ratingInput } from './rating-scale.js';

export interface StoredRating {
  dossierId: string;
  score: number;
  comment: string | null;
  ratedAt: Date;
}

/**
 * The citizen's rating of a resolved dossier: once, in the `rating` table and
 * as a `rate` event (status unchanged), in one transaction, so that
 * satisfaction can be recounted from the events.
 */
@Injectable()
export class RatingsService {
  constructor(private readonly db: DataSource) {}

  async rate(user: Principal, dossierId: string, body: { score?: unknown; comment?: unknown }): Promise<StoredRating> {
    const errors = ratingErrors(body);
    if (errors.length > 0) throw Problem.validation(errors);
    const input = ratingInput(body);
    return this.db.transaction(async (tx) => {
      const d = await lockDossier(tx, dossierId);
      // Another citizen's dossier is answered as a missing one.
      if (d.applicantId !== user.id) throw Problem.notFound('dossier.notFound');
      if (!isRateable(d)) throw Problem.conflict('rating.notResolved');
      const [row] = (await tx.query(
        `INSERT INTO rating (dossier_id, score, comment, rated_by) VALUES ($1, $2, $3, $4)
         ON CONFLICT (dossier_id) DO NOTHING
         RETURNING dossier_id AS "dossierId", score, comment, rated_at AS "ratedAt"`,
        [d.id, input.score, input.comment ?? null, user.id],
      )) as StoredRating[];
      if (!row) throw Problem.conflict('rating.already');
      await recordEvent(
        tx,
        d,
        { status: d.status, step: d.step },
        { role: 'CITIZEN', actorId: user.id, action: 'rate', comment: input.comment ?? null, data: { score: input.score } },
      );
      return row;
    });
  }

  /** The rating of a dossier, if any (the caller has checked that the user may see it). */
  async find(dossierId: string): Promise<StoredRating | null> {
    const [row] = (await this.db.query(
      `SELECT dossier_id AS "dossierId", score, comment, rated_at AS "ratedAt" FROM rating WHERE dossier_id = $1`,
      [dossierId],
    )) as StoredRating[];
    return row ?? null;
  }
}
