import { describe, expect, it } from 'vitest';
import { ROLES } from '../common/roles.js';
import {
  availableActions,
  checkTransition,
  DOSSIER_ACTIONS,
  DOSSIER_STATUSES,
  FINAL,
  RULES,
  validateTable,
  type Actor,
} from './lifecycle.js';

/**
 * DOMAIN.md's transitions written out by hand, independently of RULES:
 * `status action role → next status`. Everything not listed is refused.
 */
const ALLOWED = `
DRAFT submit CITIZEN SUBMITTED
DRAFT withdraw CITIZEN WITHDRAWN
SUBMITTED receive RECEPTIONIST IN_PROGRESS
SUBMITTED request-supplement RECEPTIONIST RECEPTION_SUPPLEMENT
SUBMITTED reject RECEPTIONIST REJECTED
SUBMITTED withdraw CITIZEN WITHDRAWN
RECEPTION_SUPPLEMENT answer-supplement CITIZEN SUBMITTED
RECEPTION_SUPPLEMENT withdraw CITIZEN WITHDRAWN
RECEPTION_SUPPLEMENT stop SYSTEM STOPPED
IN_PROGRESS forward RECEPTIONIST IN_PROGRESS
IN_PROGRESS forward SPECIALIST IN_PROGRESS
IN_PROGRESS forward LEADER IN_PROGRESS
IN_PROGRESS request-supplement SPECIALIST SUPPLEMENT_REQUESTED
IN_PROGRESS propose-result SPECIALIST AWAITING_APPROVAL
IN_PROGRESS propose-rejection SPECIALIST AWAITING_APPROVAL
IN_PROGRESS extend SPECIALIST IN_PROGRESS
IN_PROGRESS extend LEADER IN_PROGRESS
SUPPLEMENT_REQUESTED answer-supplement CITIZEN IN_PROGRESS
SUPPLEMENT_REQUESTED withdraw CITIZEN WITHDRAWN
SUPPLEMENT_REQUESTED stop SYSTEM STOPPED
AWAITING_APPROVAL send-back LEADER IN_PROGRESS
AWAITING_APPROVAL approve LEADER RESULT_READY
AWAITING_APPROVAL extend LEADER AWAITING_APPROVAL
RESULT_READY return-result RECEPTIONIST RETURNED
RESULT_READY return-result CITIZEN RETURNED
`
  .trim()
  .split('\n')
  .map((line) => line.split(' '));

const ACTORS: Actor[] = [...ROLES, 'SYSTEM'];

describe('the transition table', () => {
  it('is consistent: no duplicates, everything reachable, every open status has a way on', () => {
    expect(validateTable()).toEqual([]);
  });

  it('allows exactly the transitions of DOMAIN.md, over every status × action × actor', () => {
    let checked = 0;
    for (const status of DOSSIER_STATUSES) {
      for (const action of DOSSIER_ACTIONS) {
        const expectedForPair = ALLOWED.filter(([s, a]) => s === status && a === action);
        for (const actor of ACTORS) {
          const result = checkTransition(status, action, [actor], { proposal: 'RESULT' });
          const expected = expectedForPair.find(([, , role]) => role === actor);
          checked++;
          if (expected) {
            expect(result, `${status} ${action} ${actor}`).toEqual({ ok: true, to: expected[3] });
          } else {
            // Refused: 409 when nobody may take this action from this status, 403 when only the role is wrong.
            const reason = expectedForPair.length === 0 ? 'NOT_FROM_STATUS' : 'ROLE_NOT_ALLOWED';
            expect(result, `${status} ${action} ${actor}`).toEqual({ ok: false, reason });
          }
        }
      }
    }
    expect(checked).toBe(DOSSIER_STATUSES.length * DOSSIER_ACTIONS.length * ACTORS.length);
  });

  it('approves a proposed refusal into REJECTED', () => {
    expect(checkTransition('AWAITING_APPROVAL', 'approve', ['LEADER'], { proposal: 'REJECTION' })).toEqual({ ok: true, to: 'REJECTED' });
  });

  it('lets an account with several roles act with any of them', () => {
    expect(checkTransition('SUBMITTED', 'receive', ['SPECIALIST', 'RECEPTIONIST'])).toEqual({ ok: true, to: 'IN_PROGRESS' });
  });

  it('offers no action on a final dossier to anyone but the citizen downloading a result', () => {
    for (const status of FINAL) expect(availableActions(status, ACTORS)).toEqual([]);
    expect(availableActions('RESULT_READY', ['CITIZEN'])).toEqual(['return-result']);
  });

  it('finds the faults it is meant to find', () => {
    const broken = RULES.filter((r) => r.action !== 'receive');
    expect(validateTable(broken)).toEqual(expect.arrayContaining([expect.stringMatching(/unreachable/)]));
    expect(validateTable([...RULES, RULES[0]])).toEqual([expect.stringMatching(/duplicate rule DRAFT\/submit/)]);
  });
});
