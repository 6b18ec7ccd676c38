import { createHash, generateKeyPairSync } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { P12Signer } from '@signpdf/signer-p12';
import { SignPdf, type Signer } from '@signpdf/signpdf';
import forge from 'node-forge';
import PDFDocument from 'pdfkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfSignatures } from '../../test/helpers/pdf.js';
import { AgencyKeyStore } from './agency-keys.js';
import { CredentialsSigner } from './cms-signer.js';
import { readP12 } from './credentials.js';

/**
 * The production signer against the library's own: the same PDF, prepared
 * once, signed at the same instant by `@signpdf/signer-p12`'s P12Signer (from
 * the agency's PKCS#12 file and passphrase) and by CredentialsSigner.
 */

const AGENCY = { code: 'H12.05', name: 'Ủy ban nhân dân phường Ba Đình' };
const PASSPHRASE = 'mật khẩu 2026';
const SIGNING_TIME = new Date('2026-11-21T08:30:00Z');

let dataDir: string;
let p12: Buffer;
let prepared: Buffer;
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'cms-signer-'));
  await new AgencyKeyStore({ dataDir, passphrase: PASSPHRASE }).credentialsFor(AGENCY);
  p12 = await readFile(path.join(dataDir, 'keys', 'H12.05.p12'));
  prepared = plainAddPlaceholder({
    pdfBuffer: await samplePdf(),
    reason: 'Ký số',
    contactInfo: '',
    name: AGENCY.name,
    location: 'Việt Nam',
  });
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const signWith = (signer: Signer, pdf = prepared) => new SignPdf().sign(pdf, signer, SIGNING_TIME);

describe('CredentialsSigner is P12Signer, faster', () => {
  it('both signatures are valid for pdfsig, over the whole document', async () => {
    for (const signed of [
      await signWith(new P12Signer(p12, { passphrase: PASSPHRASE })),
      await signWith(new CredentialsSigner(readP12(p12, PASSPHRASE))),
    ]) {
      const report = await pdfSignatures(signed);
      expect(report).toContain('Signature Validation: Signature is Valid.');
      expect(report).toContain('Total document signed');
      expect(report).toContain('CN=Uy ban nhan dan phuong Ba Dinh');
    }
  });

  it('build the same CMS: certificates, digest algorithm, authenticated attributes in order, message digest of the byte range', async () => {
    const bySigner = cmsOf(await signWith(new P12Signer(p12, { passphrase: PASSPHRASE })));
    const byOwn = cmsOf(await signWith(new CredentialsSigner(readP12(p12, PASSPHRASE))));

    expect(byOwn.certificates).toEqual(bySigner.certificates);
    expect(byOwn.certificates).toHaveLength(1);
    expect(byOwn.digestAlgorithms).toEqual([forge.pki.oids.sha256]);
    expect(bySigner.digestAlgorithms).toEqual([forge.pki.oids.sha256]);
    expect(byOwn.signerDigestAlgorithm).toBe(forge.pki.oids.sha256);
    expect(bySigner.signerDigestAlgorithm).toBe(forge.pki.oids.sha256);
    expect(byOwn.signatureAlgorithm).toBe(bySigner.signatureAlgorithm);
    const attributeTypes = [forge.pki.oids.contentType, forge.pki.oids.signingTime, forge.pki.oids.messageDigest];
    expect(bySigner.attributeTypes).toEqual(attributeTypes);
    expect(byOwn.attributeTypes).toEqual(attributeTypes);
    expect(byOwn.signingTime).toEqual(SIGNING_TIME);
    expect(bySigner.signingTime).toEqual(SIGNING_TIME);
    expect(byOwn.byteRange).toEqual(bySigner.byteRange);
    expect(byOwn.messageDigest).toBe(bySigner.messageDigest);
    expect(byOwn.messageDigest).toBe(byOwn.byteRangeDigest);
    // RSA PKCS#1 v1.5 is deterministic: the same key over the same attributes gives the same signature value.
    expect(byOwn.signature).toBe(bySigner.signature);
  });

  it('produce byte-identical signed files for the same input and instant', async () => {
    const bySigner = await signWith(new P12Signer(p12, { passphrase: PASSPHRASE }));
    const byOwn = await signWith(new CredentialsSigner(readP12(p12, PASSPHRASE)));
    expect(byOwn.equals(bySigner)).toBe(true);
  });

  it('embed a certificate chain in the order of the PKCS#12 file, as P12Signer does', async () => {
    for (const order of ['leaf first', 'authority first'] as const) {
      const chained = chainP12(order);
      const bySigner = cmsOf(await signWith(new P12Signer(chained, { passphrase: PASSPHRASE })));
      const byOwn = cmsOf(await signWith(new CredentialsSigner(readP12(chained, PASSPHRASE))));
      expect(bySigner.certificates, order).toHaveLength(2);
      expect(byOwn.certificates, order).toEqual(bySigner.certificates);
      expect(byOwn.signature, order).toBe(bySigner.signature);
    }
  });

  it('would tell different CMS apart (another signing time changes the signature, not the digest)', async () => {
    const own = new CredentialsSigner(readP12(p12, PASSPHRASE));
    const a = cmsOf(await signWith(own));
    const b = cmsOf(await new SignPdf().sign(prepared, own, new Date(SIGNING_TIME.getTime() + 1000)));
    expect(b.messageDigest).toBe(a.messageDigest);
    expect(b.signature).not.toBe(a.signature);
  });
});

function samplePdf(): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4' });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.text('Giay chung nhan so 0001/2026/KQ-H12.05');
  doc.end();
  return done;
}

interface CmsFacts {
  byteRange: number[];
  byteRangeDigest: string;
  certificates: string[];
  digestAlgorithms: string[];
  signerDigestAlgorithm: string;
  signatureAlgorithm: string;
  attributeTypes: string[];
  signingTime: Date;
  messageDigest: string;
  signature: string;
}

/** The facts of a signed PDF's PKCS#7, read from its DER (RFC 5652 SignedData, one SignerInfo). */
function cmsOf(pdf: Buffer): CmsFacts {
  const match = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(pdf.toString('latin1'));
  if (!match) throw new Error('no ByteRange');
  const [a, b, c, d] = match.slice(1).map(Number);
  const hex = pdf.subarray(b + 1, c - 1).toString('latin1');
  const fromDer = forge.asn1.fromDer as unknown as (bytes: forge.util.ByteStringBuffer, options: object) => forge.asn1.Asn1;
  const contentInfo = fromDer(forge.util.createBuffer(Buffer.from(hex, 'hex').toString('binary')), { parseAllBytes: false });
  const [contentType, explicit] = children(contentInfo);
  expect(forge.asn1.derToOid(contentType.value as string)).toBe(forge.pki.oids.signedData);
  const signedData = children(children(explicit)[0]);
  const [, digestAlgorithms, , certificates] = signedData;
  const signerInfos = children(signedData.at(-1)!);
  expect(signerInfos).toHaveLength(1);
  const [, , signerDigest, attributes, signatureAlgorithm, signature] = children(signerInfos[0]);
  const attribute = (oid: string) => children(children(attributes).find((attr) => oidOf(children(attr)[0]) === oid)!)[1];
  return {
    byteRange: [a, b, c, d],
    byteRangeDigest: createHash('sha256')
      .update(pdf.subarray(a, a + b))
      .update(pdf.subarray(c, c + d))
      .digest('hex'),
    certificates: children(certificates).map((cert) => forge.util.bytesToHex(forge.asn1.toDer(cert).getBytes())),
    digestAlgorithms: children(digestAlgorithms).map((alg) => oidOf(children(alg)[0])),
    signerDigestAlgorithm: oidOf(children(signerDigest)[0]),
    signatureAlgorithm: oidOf(children(signatureAlgorithm)[0]),
    attributeTypes: children(attributes).map((attr) => oidOf(children(attr)[0])),
    signingTime: forge.asn1.utcTimeToDate(children(attribute(forge.pki.oids.signingTime))[0].value as string),
    messageDigest: forge.util.bytesToHex(children(attribute(forge.pki.oids.messageDigest))[0].value as string),
    signature: forge.util.bytesToHex(signature.value as string),
  };
}

const children = (node: forge.asn1.Asn1) => node.value as forge.asn1.Asn1[];
const oidOf = (node: forge.asn1.Asn1) => forge.asn1.derToOid(node.value as string);

/** A PKCS#12 holding a leaf certificate issued by a separate authority, with both certificates in the given order. */
function chainP12(order: 'leaf first' | 'authority first'): Buffer {
  const keyPair = () => {
    const { privateKey } = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    return forge.pki.privateKeyFromPem(privateKey);
  };
  const certificate = (
    key: forge.pki.rsa.PrivateKey,
    subject: string,
    issuer: string,
    issuerKey: forge.pki.rsa.PrivateKey,
    serial: string,
  ) => {
    const cert = forge.pki.createCertificate();
    cert.publicKey = forge.pki.setRsaPublicKey(key.n, key.e);
    cert.serialNumber = serial;
    cert.validity.notBefore = new Date('2026-01-01T00:00:00Z');
    cert.validity.notAfter = new Date('2036-01-01T00:00:00Z');
    cert.setSubject([{ name: 'commonName', value: subject }]);
    cert.setIssuer([{ name: 'commonName', value: issuer }]);
    cert.sign(issuerKey, forge.md.sha256.create());
    return cert;
  };
  const authorityKey = keyPair();
  const leafKey = keyPair();
  const authority = certificate(authorityKey, 'Root CA', 'Root CA', authorityKey, '01');
  const leaf = certificate(leafKey, 'Phuong Ba Dinh', 'Root CA', authorityKey, '02');
  const certs = order === 'leaf first' ? [leaf, authority] : [authority, leaf];
  const asn1 = forge.pkcs12.toPkcs12Asn1(leafKey, certs, PASSPHRASE, { algorithm: '3des' });
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary');
}
