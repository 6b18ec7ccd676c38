import { generateKeyPair } from 'node:crypto';
import { promisify } from 'node:util';
import forge from 'node-forge';

const generateRsa = promisify(generateKeyPair);

export interface AgencyIdentity {
  code: string;
  name: string;
}

/**
 * Vietnamese without diacritics ("Ủy ban nhân dân phường Ba Đình" → "Uy ban nhan dan
 * phuong Ba Dinh"). node-forge re-encodes a certificate's names inside the
 * PKCS#7 signer info differently from the certificate itself when they hold
 * non-ASCII text, which makes validators unable to match the signer: the
 * names stay ASCII.
 */
export function asciiName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]/g, '')
    .trim()
    .slice(0, 64);
}

/**
 * A self-signed signing certificate for an agency, as a PKCS#12 file: what a
 * portal without the agencies' real certificates uses, so that every issued
 * document is still signed and tamper-evident. Validators report its issuer
 * as unknown (nobody vouches for it), never the signature as broken.
 */
export async function selfSignedP12(agency: AgencyIdentity, passphrase: string, now = new Date()): Promise<Buffer> {
  // Native key generation: node-forge's own takes seconds.
  const { privateKey: pem } = await generateRsa('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  const privateKey = forge.pki.privateKeyFromPem(pem);
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.setRsaPublicKey(privateKey.n, privateKey.e);
  // A positive random serial (leading byte below 0x80).
  cert.serialNumber = '01' + forge.util.bytesToHex(forge.random.getBytesSync(15));
  cert.validity.notBefore = new Date(now.getTime() - 24 * 3600 * 1000);
  cert.validity.notAfter = new Date(now.getTime() + 10 * 365 * 24 * 3600 * 1000);
  const subject = [
    { name: 'countryName', value: 'VN' },
    { name: 'organizationName', value: asciiName(agency.name) || agency.code },
    { name: 'organizationalUnitName', value: asciiName(agency.code) || 'agency' },
    { name: 'commonName', value: asciiName(agency.name) || agency.code },
  ];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(privateKey, forge.md.sha256.create());
  const asn1 = forge.pkcs12.toPkcs12Asn1(privateKey, [cert], passphrase, { algorithm: '3des', friendlyName: asciiName(agency.code) });
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary');
}
