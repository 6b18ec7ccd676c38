import { describe, expect, it } from 'vitest';
import { toVerification } from '../../results/verification.js';
import { resultLinkView } from './result-link-view.js';
import { reuseView } from './reuse-view.js';
import { verifyPageView } from './verify-view.js';
import { walletView } from './wallet-view.js';
import { issuedResult } from '../../../test/helpers/result-fixtures.js';

const record = issuedResult();

describe('the verification page view', () => {
  it('leads with the verdict, in both languages', () => {
    const vi = verifyPageView('tok', toVerification(record), 'vi');
    expect(vi.verdict).toMatchObject({ tone: 'valid', heading: 'Văn bản hợp lệ' });
    expect(vi.facts.map((f) => f.value)).toEqual([
      '0001/2026/KQ-H12.05',
      'Giấy khai sinh',
      'UBND xã An Phú',
      '21/11/2026 10:00',
      'Nguyễn V*** A*',
    ]);
    expect(verifyPageView('tok', toVerification(record), 'en').verdict.heading).toBe('The document is valid');
    const revoked = verifyPageView(
      'tok',
      toVerification({ ...record, status: 'REVOKED', statusReason: 'Sai', statusChangedAt: new Date('2026-11-22T03:00:00Z') }),
      'vi',
    );
    expect(revoked.verdict).toMatchObject({ tone: 'invalid', heading: 'Văn bản đã bị thu hồi', reason: 'Sai', when: '22/11/2026 10:00' });
  });

  it('tells the file check and keeps the upload address', () => {
    const v = verifyPageView('a/b', toVerification(record), 'vi', {
      comparison: { exactMatch: false, sha256: 'b', signed: true, signatureIntact: false, appended: false, verdict: 'ALTERED' },
    });
    expect(v.uploadAction).toBe('/verify/a%2Fb');
    expect(v.comparison).toMatchObject({ tone: 'invalid', heading: 'Tệp đã bị thay đổi' });
  });
});

describe('the wallet view', () => {
  it('gives each result its download, verification and dossier links, and its state', () => {
    const [row] = walletView([{ ...record, status: 'SUPERSEDED', procedureName: 'Đăng ký khai sinh' }], 'vi').items;
    expect(row).toMatchObject({
      status: 'Đã thay thế',
      inForce: false,
      issuedAt: '21/11/2026',
      downloadHref: `/dossiers/${record.dossierId}/result.pdf`,
      verifyHref: '/verify/tok_en-1',
      dossierHref: `/dossiers/${record.dossierId}`,
    });
  });
});

describe('the result block of a dossier page', () => {
  const detail = (status: string, result: unknown) =>
    ({ dossier: { id: 'd1', status }, result }) as unknown as Parameters<typeof resultLinkView>[0];
  const facts = { id: 'r1', documentNo: 'N', issuedAt: '2026-11-21T03:00:00Z', verifyToken: 't', verifyUrl: 'u', status: 'ISSUED' };

  it('is absent before a result, and offers the change form only to a leader and only while in force', () => {
    expect(resultLinkView(detail('IN_PROGRESS', null), 'vi')).toBeNull();
    expect(resultLinkView(detail('RESULT_READY', facts), 'vi')).toMatchObject({
      returns: true,
      change: null,
      downloadHref: '/dossiers/d1/result.pdf',
    });
    expect(resultLinkView(detail('RETURNED', facts), 'vi', { canChange: true })).toMatchObject({
      returns: false,
      change: { action: '/workspace/results/r1/status' },
    });
    expect(resultLinkView(detail('RETURNED', { ...facts, status: 'REVOKED' }), 'vi', { canChange: true })?.change).toBeNull();
  });
});

describe('the reuse page view', () => {
  it('lists the candidates with the one in use checked, and is read-only once filed', () => {
    const definition = { name: { vi: 'Trợ cấp' }, components: [{ code: 'KS', name: { vi: 'Giấy khai sinh' } }] } as never;
    const options = [
      {
        componentCode: 'KS',
        procedureCode: '1.001193',
        chosenId: 'r2',
        candidates: [
          {
            id: 'r2',
            procedureCode: '1.001193',
            issuedAt: new Date('2026-03-01T00:00:00Z'),
            status: 'ISSUED' as const,
            documentNo: '0002',
            title: 'Giấy khai sinh',
          },
          {
            id: 'r1',
            procedureCode: '1.001193',
            issuedAt: new Date('2026-01-01T00:00:00Z'),
            status: 'ISSUED' as const,
            documentNo: '0001',
            title: 'Giấy khai sinh',
          },
        ],
      },
    ];
    const draft = reuseView({ id: 'd', status: 'DRAFT', code: null }, definition, options, 'vi');
    expect(draft.editable).toBe(true);
    expect(draft.backHref).toBe('/dossiers/d/files');
    expect(draft.components[0].candidates).toEqual([
      { id: 'r2', label: 'Số 0002 — Giấy khai sinh, cấp ngày 01/03/2026', checked: true },
      { id: 'r1', label: 'Số 0001 — Giấy khai sinh, cấp ngày 01/01/2026', checked: false },
    ]);
    expect(reuseView({ id: 'd', status: 'SUBMITTED', code: null }, definition, options, 'vi')).toMatchObject({
      editable: false,
      backHref: '/dossiers/d',
    });
  });
});
