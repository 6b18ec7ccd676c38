import { describe, expect, it } from 'vitest';
import { isPlaceholderEmail, placeholderEmail } from './counter-applicant.js';
import { readCounterIntake } from './counter-intake.dto.js';
import { fileHeaders } from './dossier-files.service.js';

describe('fileHeaders', () => {
  it('names a Vietnamese file for every browser and never lets it be sniffed', () => {
    const h = fileHeaders({ mimeType: 'application/pdf', fileName: 'Giấy chứng sinh "đẹp".pdf', sizeBytes: 42 });
    expect(h['Content-Type']).toBe('application/pdf');
    expect(h['Content-Disposition']).toBe(
      `attachment; filename="Giay chung sinh _dep_.pdf"; filename*=UTF-8''${encodeURIComponent('Giấy chứng sinh "đẹp".pdf')}`,
    );
    expect(h['X-Content-Type-Options']).toBe('nosniff');
  });
});

describe('counter intake input', () => {
  it('reads JSON texts and files[<code>] parts of a multipart post', () => {
    const { input, scans } = readCounterIntake({ procedureCode: 'P', applicant: '{"citizenId":"001090000001"}', formData: '{"a":1}' }, [
      { fieldname: 'files[GCS]', originalname: 'gcs.pdf', buffer: Buffer.from('x') },
    ]);
    expect(input).toEqual({ procedureCode: 'P', applicant: { citizenId: '001090000001' }, formData: { a: 1 } });
    expect(scans).toEqual([{ componentCode: 'GCS', fileName: 'gcs.pdf', bytes: Buffer.from('x') }]);
  });

  it('keeps objects of a JSON body as they are, and names a bad JSON text or file part', () => {
    expect(readCounterIntake({ applicant: { citizenId: '1' } }).input.applicant).toEqual({ citizenId: '1' });
    expect(() => readCounterIntake({ formData: '{nope' }, [{ fieldname: 'file', originalname: 'x', buffer: Buffer.from('') }])).toThrow(
      expect.objectContaining({
        status: 422,
        errors: [
          { path: 'formData', code: 'error.badJson' },
          { path: 'file', code: 'validation.whitelistValidation' },
        ],
      }),
    );
  });

  it('gives a person without email an address that can never receive mail', () => {
    expect(placeholderEmail('001090000001')).toBe('001090000001@counter.invalid');
    expect(isPlaceholderEmail(placeholderEmail('001090000001'))).toBe(true);
    expect(isPlaceholderEmail('an@example.vn')).toBe(false);
  });
});
