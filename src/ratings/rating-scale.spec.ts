import { describe, expect, it } from 'vitest';
import { isRateable, ratingErrors, ratingInput } from './rating-scale.js';

describe('rating input', () => {
  it('takes a whole score from 1 to 5, as a number or the digit a form sends', () => {
    for (const score of [1, 2, 3, 4, 5, '1', '5']) expect(ratingErrors({ score })).toEqual([]);
    for (const score of [0, 6, 2.5, '2.5', '', 'five', null, undefined, [5]]) {
      expect(ratingErrors({ score })).toEqual([{ path: 'score', code: 'rating.badScore' }]);
    }
  });

  it('takes an optional comment of at most 1,000 characters, an empty one as none', () => {
    expect(ratingErrors({ score: 5, comment: 'x'.repeat(1000) })).toEqual([]);
    expect(ratingErrors({ score: 5, comment: 'x'.repeat(1001) })).toEqual([{ path: 'comment', code: 'rating.commentTooLong' }]);
    expect(ratingInput({ score: '4', comment: '  ' })).toEqual({ score: 4 });
    expect(ratingInput({ score: 4, comment: ' Tốt ' })).toEqual({ score: 4, comment: 'Tốt' });
  });

  it('rates only a resolved dossier: a result issued or returned, or a refusal after processing', () => {
    const at = new Date();
    expect(isRateable({ status: 'RESULT_READY', completedAt: at })).toBe(true);
    expect(isRateable({ status: 'RETURNED', completedAt: at })).toBe(true);
    expect(isRateable({ status: 'REJECTED', completedAt: at })).toBe(true);
    expect(isRateable({ status: 'REJECTED', completedAt: null })).toBe(false); // refused at reception
    expect(isRateable({ status: 'IN_PROGRESS', completedAt: null })).toBe(false);
  });
});
