import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfSignatures } from '../../test/helpers/pdf.js';
import type { AppConfig } from '../config/config.js';
import { AgencyKeyStore, keyFileName } from './agency-keys.js';
import { readP12 } from './credentials.js';
import { checkPdfSignature } from './pdf-signature.js';
import { asciiName, selfSignedP12 } from './self-signed.js';
import { SigningService } from './signing.service.js';

const AGENCY = { id: '00000000-0000-4000-8000-000000000001', code: 'H12.05', name: 'Ủy ban nhân dân phường Ba Đình' };

function samplePdf(text = 'Giấy chứng nhận'): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4' });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.text(text);
  doc.end();
  return done;
}

let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'signing-'));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const service = (dir: string, signingP12?: AppConfig['signingP12']) => new SigningService({ dataDir: dir, signingP12 } as AppConfig);

describe('SigningService', () => {
  it('signs a pdfkit PDF so that pdfsig finds a valid signature, with a self-signed agency certificate', async () => {
    const signed = await service(dataDir).sign(await samplePdf(), AGENCY);
    const report = await pdfSignatures(signed);
    expect(report).toContain('Signature Validation: Signature is Valid.');
    expect(report).toContain('Total document signed');
    expect(report).toContain('Uy ban nhan dan phuong Ba Dinh');
  });

  it('is reported as broken when one byte of the signed content changes', async () => {
    const signed = await service(dataDir).sign(await samplePdf('Nguyễn Văn An'), AGENCY);
    const at = signed.indexOf('/MediaBox');
    const altered = Buffer.from(signed);
    altered[at + 1] = altered[at + 1] === 0x4d ? 0x4e : 0x4d;
    const report = await pdfSignatures(altered);
    expect(report).toContain('Signature Validation');
    expect(report).not.toContain('Signature is Valid');
  });

  it('keeps the generated key in DATA_DIR/keys, private to the owner, and reuses it', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'signing-keys-'));
    try {
      await service(dir).sign(await samplePdf(), AGENCY);
      const file = path.join(dir, 'keys', 'H12.05.p12');
      expect((await stat(file)).mode & 0o777).toBe(0o600);
      const before = await readFile(file);
      await service(dir).sign(await samplePdf(), AGENCY);
      expect((await readFile(file)).equals(before)).toBe(true);
      expect(await readdir(path.join(dir, 'keys'))).toEqual(['H12.05.p12']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('two replicas generating at once end with one key that both use', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'signing-race-'));
    try {
      const [a, b] = await Promise.all([
        new AgencyKeyStore({ dataDir: dir }).credentialsFor(AGENCY),
        new AgencyKeyStore({ dataDir: dir }).credentialsFor(AGENCY),
      ]);
      expect(a.certificate.serialNumber).toBe(b.certificate.serialNumber);
      const onDisk = readP12(await readFile(path.join(dir, 'keys', 'H12.05.p12')), '');
      expect(onDisk.certificate.serialNumber).toBe(a.certificate.serialNumber);
      expect(await readdir(path.join(dir, 'keys'))).toEqual(['H12.05.p12']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('uses a configured PKCS#12 file for every agency, and a directory of {agencyCode}.p12 per agency', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'signing-p12-'));
    try {
      await writeFile(path.join(dir, 'H12.05.p12'), await selfSignedP12({ code: 'H12.05', name: 'Phuong Mot' }, 's3cret'));
      await writeFile(path.join(dir, 'default.p12'), await selfSignedP12({ code: 'ALL', name: 'Tinh Hai' }, 's3cret'));
      const byDir = new AgencyKeyStore({ dataDir, p12Path: dir, passphrase: 's3cret' });
      expect((await byDir.credentialsFor(AGENCY)).certificate.subject.getField('CN').value).toBe('Phuong Mot');
      expect((await byDir.credentialsFor({ code: 'H12.09', name: 'X' })).certificate.subject.getField('CN').value).toBe('Tinh Hai');
      const oneFile = service(dataDir, { path: path.join(dir, 'default.p12'), passphrase: 's3cret' });
      const report = await pdfSignatures(await oneFile.sign(await samplePdf(), AGENCY));
      expect(report).toContain('Signature is Valid');
      expect(report).toContain('CN=Tinh Hai');
      await expect(
        new AgencyKeyStore({ dataDir, p12Path: path.join(dir, 'default.p12'), passphrase: 'wrong' }).credentialsFor(AGENCY),
      ).rejects.toThrow(/PKCS#12/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('names in certificates', () => {
  it('drops Vietnamese diacritics and keeps printable ASCII', () => {
    expect(asciiName('Ủy ban nhân dân phường Ba Đình')).toBe('Uy ban nhan dan phuong Ba Dinh');
    expect(asciiName('SỞ TƯ PHÁP đô thị')).toBe('SO TU PHAP do thi');
    expect(asciiName('a\u0000b')).toBe('ab');
  });

  it('turns agency codes into safe file names', () => {
    expect(keyFileName('H12.05')).toBe('H12.05.p12');
    expect(keyFileName('../x')).toBe('__x.p12');
    expect(keyFileName('A/B C')).toBe('A_B_C.p12');
  });
});

describe('checkPdfSignature', () => {
  it('finds a freshly signed file intact and whole, and names the signer', async () => {
    const signed = await service(dataDir).sign(await samplePdf(), AGENCY);
    expect(checkPdfSignature(signed)).toEqual({
      signed: true,
      intact: true,
      coversWholeFile: true,
      signer: 'Uy ban nhan dan phuong Ba Dinh',
    });
  });

  it('finds any single changed byte outside the signature value, as pdfsig does', async () => {
    const signed = await service(dataDir).sign(await samplePdf('Nguyễn Văn An'), AGENCY);
    const [, b, c] = [...signed.toString('latin1').matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)/g)]
      .at(-1)!
      .slice(1)
      .map(Number);
    for (const at of [0, 100, Math.floor(b / 2), b - 1, c, c + 50, signed.length - 2]) {
      const altered = Buffer.from(signed);
      altered[at] = altered[at] ^ 0x01;
      expect(checkPdfSignature(altered).intact, `byte ${at}`).toBe(false);
    }
  });

  it('tells a file with bytes appended after signing, an unsigned file and garbage apart', async () => {
    const signed = await service(dataDir).sign(await samplePdf(), AGENCY);
    expect(checkPdfSignature(Buffer.concat([signed, Buffer.from('\n% more\n')]))).toMatchObject({ intact: true, coversWholeFile: false });
    expect(checkPdfSignature(await samplePdf())).toEqual({ signed: false, intact: false, coversWholeFile: false, signer: null });
    expect(checkPdfSignature(Buffer.from('not a pdf'))).toMatchObject({ signed: false });
    expect(checkPdfSignature(Buffer.from('/ByteRange [0 10 20 30] <zz>'))).toMatchObject({ signed: true, intact: false });
  });
});
