import type { ResultRecord } from '../../src/results/result-records.js';

/** An issued result as the results module records it (a birth certificate of H12.05); `overrides` change any field. */
export function issuedResult(overrides: Partial<ResultRecord> = {}): ResultRecord {
  return {
    id: '11111111-1111-4111-8111-111111111111',
    dossierId: '22222222-2222-4222-8222-222222222222',
    dossierCode: 'H12.05-261121-0001',
    agencyId: 'a',
    issuer: 'UBND xã An Phú',
    holderId: 'h',
    holderName: 'Nguyễn Văn An',
    procedureCode: '1.001193',
    documentNo: '0001/2026/KQ-H12.05',
    title: 'Giấy khai sinh',
    issuedAt: new Date('2026-11-21T03:00:00Z'),
    signerName: 'Lãnh đạo',
    storageKey: 'k',
    sha256: 'a'.repeat(64),
    verifyToken: 'tok_en-1',
    verifyUrl: 'https://x/verify/tok_en-1',
    status: 'ISSUED',
    statusReason: null,
    statusChangedAt: null,
    supersededBy: null,
    ...overrides,
  };
}
