/** The rating block of the citizen's dossier page. Pure. */
import { t, type Lang } from '../i18n/i18n.js';
import { isRateable, RATING_COMMENT_MAX, RATING_LABEL_KEYS, RATING_SCORES, type RatingScore } from './rating-scale.js';

interface EventLike {
  action: string;
  data: Record<string, unknown>;
  comment?: string | null;
}

export interface RatingView {
  action: string;
  given: { score: number; label: string; comment: string | null } | null;
  options: { value: number; label: string; id: string }[];
  commentMax: number;
}

/** Null when there is nothing to rate yet; the given rating once there is one; else the form. */
export function ratingView(
  dossier: { id: string; status: string; completedAt: Date | null },
  events: readonly EventLike[],
  lang: Lang,
): RatingView | null {
  const rated = events.find((e) => e.action === 'rate');
  if (!rated && !isRateable(dossier)) return null;
  const score = Number(rated?.data.score);
  return {
    action: `/dossiers/${dossier.id}/rating`,
    given: rated
      ? {
          score,
          label: RATING_SCORES.includes(score as RatingScore) ? t(lang, RATING_LABEL_KEYS[score as RatingScore]) : String(score),
          comment: rated.comment ?? null,
        }
      : null,
    options: RATING_SCORES.map((value) => ({
      value,
      label: `${value} — ${t(lang, RATING_LABEL_KEYS[value])}`,
      id: `rating-score-${value}`,
    })),
    commentMax: RATING_COMMENT_MAX,
  };
}
