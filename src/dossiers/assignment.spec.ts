import { describe, expect, it } from 'vitest';
import { canAssign, leastLoaded } from './assignment.js';
import { applicableFilters, defaultQueue, parseQueue, QUEUE_DEFS, QUEUES } from './workspace-queues.js';
import { DOSSIER_STATUSES } from './lifecycle.js';

describe('canAssign', () => {
  it('lets the leader and the holders of the step role assign, never a manager alone', () => {
    expect(canAssign(['LEADER'], 'SPECIALIST')).toBe(true);
    expect(canAssign(['SPECIALIST'], 'SPECIALIST')).toBe(true);
    expect(canAssign(['SPECIALIST'], 'LEADER')).toBe(false);
    expect(canAssign(['RECEPTIONIST'], 'SPECIALIST')).toBe(false);
    expect(canAssign(['MANAGER'], 'MANAGER')).toBe(false);
    expect(canAssign(['SPECIALIST'], null)).toBe(false);
  });
});

describe('leastLoaded', () => {
  it('picks the smallest load, then the name, then the id', () => {
    const a = { id: 'b', fullName: 'Bình', load: 2 };
    const b = { id: 'a', fullName: 'An', load: 1 };
    const c = { id: 'c', fullName: 'An', load: 1 };
    expect(leastLoaded([a, b, c])).toBe(b);
    expect(leastLoaded([a])).toBe(a);
    expect(leastLoaded([])).toBeUndefined();
  });
});

describe('the queues', () => {
  it('give every open status exactly one queue', () => {
    const shown = QUEUES.flatMap((q) => QUEUE_DEFS[q].statuses);
    expect(new Set(shown).size).toBe(shown.length);
    for (const s of DOSSIER_STATUSES.filter((s) => !['DRAFT', 'RETURNED', 'REJECTED', 'STOPPED', 'WITHDRAWN'].includes(s)))
      expect(shown).toContain(s);
  });

  it('start each role where its work is', () => {
    expect(defaultQueue(['RECEPTIONIST'])).toBe('reception');
    expect(defaultQueue(['LEADER'])).toBe('approval');
    expect(defaultQueue(['SPECIALIST'])).toBe('processing');
    expect(defaultQueue(['MANAGER'])).toBe('processing');
  });

  it('keep only the filters that mean something in the queue', () => {
    expect(applicableFilters('reception', ['overdue', 'receptionLate', 'bogus'])).toEqual(['receptionLate']);
    expect(applicableFilters('processing', ['mine', 'overdue'])).toEqual(['overdue', 'mine']);
    expect(parseQueue('approval')).toBe('approval');
    expect(parseQueue('toString')).toBeUndefined();
  });
});
