import { describe, expect, it } from 'vitest';
import { parseImportRequest, pathOf } from './import-request.js';

const good = (over: Record<string, unknown> = {}) => ({
  procedureCode: '1.001193',
  agencyCode: 'H12.05',
  channel: 'ONLINE',
  applicant: { citizenId: '001090000001', fullName: 'Nguyễn Văn An' },
  events: [{ type: 'SUBMITTED', at: '2025-03-03T09:00:00+07:00' }],
  ...over,
});

const paths = (input: unknown) => {
  const result = parseImportRequest(input);
  if (result.ok) throw new Error('expected errors');
  return result.errors.map((e) => [e.path, e.code]);
};

describe('parseImportRequest', () => {
  it('reads a valid batch: instants with any offset, the email lower-cased, a bare rating as its score', () => {
    const result = parseImportRequest({
      dossiers: [good({ rating: 4, applicant: { citizenId: '001090000001', fullName: ' An ', email: 'An@Example.VN' } })],
    });
    expect(result).toEqual({
      ok: true,
      dossiers: [
        expect.objectContaining({
          applicant: { citizenId: '001090000001', fullName: 'An', email: 'an@example.vn' },
          rating: { score: 4 },
          events: [{ type: 'SUBMITTED', at: new Date('2025-03-03T02:00:00Z') }],
        }),
      ],
    });
  });

  it('names every bad field of every dossier with its path', () => {
    expect(
      paths({
        dossiers: [
          good(),
          good({
            channel: 'FAX',
            applicant: { citizenId: '123', fullName: 'An', email: 'not-an-email' },
            events: [
              { type: 'RECEIVED', at: '2025-03-03T09:00' },
              { type: 'PAID', at: '2025-03-03T09:00:00Z' },
            ],
            rating: { score: 6 },
            extra: true,
          }),
        ],
      }),
    ).toEqual(
      expect.arrayContaining([
        ['dossiers[1].channel', 'validation.isIn'],
        ['dossiers[1].applicant.citizenId', 'validation.citizenId'],
        ['dossiers[1].applicant.email', 'validation.isEmail'],
        ['dossiers[1].events[0].at', 'import.isoInstant'],
        ['dossiers[1].events[1].type', 'validation.isIn'],
        ['dossiers[1].extra', 'validation.whitelistValidation'],
      ]),
    );
  });

  it('needs the required fields, at least one dossier and one event each', () => {
    expect(paths({ dossiers: [] })).toEqual([['dossiers', 'validation.arrayNotEmpty']]);
    expect(paths({ dossiers: [good({ events: [] })] })).toEqual([['dossiers[0].events', 'validation.arrayNotEmpty']]);
    expect(paths({ dossiers: [{ channel: 'ONLINE' }] })).toEqual(
      expect.arrayContaining([
        ['dossiers[0].procedureCode', 'validation.isNotEmpty'],
        ['dossiers[0].applicant', 'validation.isNotEmpty'],
        ['dossiers[0].events', 'validation.isNotEmpty'],
      ]),
    );
    expect(paths('nope')).toEqual([['$', 'validation.invalid']]);
  });

  it('refuses the same code twice in one request', () => {
    expect(paths({ dossiers: [good({ code: 'OLD-1' }), good(), good({ code: 'OLD-1' })] })).toEqual([
      ['dossiers[2].code', 'import.duplicateCode'],
    ]);
  });

  it('refuses more than 1,000 dossiers in one request', () => {
    expect(paths({ dossiers: Array.from({ length: 1001 }, () => good()) })).toEqual([['dossiers', 'import.tooMany']]);
  });
});

describe('pathOf', () => {
  it('writes indexes in brackets', () => {
    expect(pathOf(['dossiers', 3, 'events', 2, 'at'])).toBe('dossiers[3].events[2].at');
    expect(pathOf([])).toBe('');
  });
});
