/** The national 5-point satisfaction scale (DOMAIN.md). Pure. */
export const RATING_SCORES = [5, 4, 3, 2, 1] as const;
export type RatingScore = (typeof RATING_SCORES)[number];

/** Message keys of each score's label: 5 Rất hài lòng … 1 Rất không hài lòng. */
export const RATING_LABEL_KEYS: Record<RatingScore, `rating.score.${RatingScore}`> = {
  5: 'rating.score.5',
  4: 'rating.score.4',
  3: 'rating.score.3',
  2: 'rating.score.2',
  1: 'rating.score.1',
};

export const RATING_COMMENT_MAX = 1000;

/** A dossier is resolved once a result was approved, or a refusal after processing was (completion instant set). */
export function isRateable(d: { status: string; completedAt: Date | null }): boolean {
  return d.completedAt !== null && ['RESULT_READY', 'RETURNED', 'REJECTED'].includes(d.status);
}

export interface RatingInput {
  score: number;
  comment?: string;
}

/** The body's problems, field by field (empty when it is fine). */
export function ratingErrors(body: { score?: unknown; comment?: unknown }): { path: string; code: string }[] {
  const errors: { path: string; code: string }[] = [];
  const score = typeof body.score === 'string' && /^\d$/.test(body.score) ? Number(body.score) : body.score;
  if (typeof score !== 'number' || !Number.isInteger(score) || score < 1 || score > 5)
    errors.push({ path: 'score', code: 'rating.badScore' });
  if (body.comment !== undefined && body.comment !== null && typeof body.comment !== 'string') {
    errors.push({ path: 'comment', code: 'rating.commentTooLong' });
  } else if (typeof body.comment === 'string' && body.comment.length > RATING_COMMENT_MAX) {
    errors.push({ path: 'comment', code: 'rating.commentTooLong' });
  }
  return errors;
}

/** The body as stored: the score as a number, an empty comment as none. */
export function ratingInput(body: { score?: unknown; comment?: unknown }): RatingInput {
  const comment = typeof body.comment === 'string' ? body.comment.trim() : '';
  return { score: Number(body.score), ...(comment && { comment }) };
}
