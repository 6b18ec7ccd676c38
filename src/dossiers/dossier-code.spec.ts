import { describe, expect, it } from 'vitest';
import { formatDossierCode } from './dossier-code.js';

describe('formatDossierCode', () => {
  it('reads {agencyCode}-{yymmdd}-{NNNN}', () => {
    expect(formatDossierCode('H12.05', '2025-11-21', 7)).toBe('H12.05-251121-0007');
  });
  it('keeps every digit past 9999', () => {
    expect(formatDossierCode('H12', '2026-01-02', 12345)).toBe('H12-260102-12345');
  });
});
