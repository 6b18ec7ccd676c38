import { createHash, createPublicKey, verify } from 'node:crypto';
import forge from 'node-forge';

export interface SignatureCheck {
  /** The file has a PDF signature (a ByteRange and a PKCS#7 in /Contents). */
  signed: boolean;
  /** The bytes it covers hash to the signed digest, and the signature over that digest verifies with the embedded certificate. */
  intact: boolean;
  /** It covers the whole file but the signature value: nothing was appended after signing. */
  coversWholeFile: boolean;
  /** The signer certificate's common name, when there is one. */
  signer: string | null;
}

const NOT_SIGNED: SignatureCheck = { signed: false, intact: false, coversWholeFile: false, signer: null };

/**
 * Whether a PDF's last signature is intact: the digest of the byte ranges it
 * covers equals the messageDigest it signed, and the RSA signature over its
 * signed attributes verifies with the certificate it carries. This says
 * nothing of who may be trusted (the certificate is not checked against any
 * authority); the verification page compares the file with the issued one
 * for that. Never throws: a damaged file is simply not intact.
 */
export function checkPdfSignature(pdf: Buffer): SignatureCheck {
  const ranges = [...pdf.toString('latin1').matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)];
  const last = ranges.at(-1);
  if (!last) return NOT_SIGNED;
  const [a, b, c, d] = last.slice(1, 5).map(Number);
  if (a !== 0 || b <= 0 || c <= b || c + d > pdf.length) return { ...NOT_SIGNED, signed: true };
  const coversWholeFile = c + d === pdf.length;
  const hex = pdf.subarray(b, c).toString('latin1').replace(/^<|>$/g, '');
  try {
    const der = Buffer.from(hex, 'hex');
    // The signature value is zero-padded to the placeholder's size: parse the DER and ignore what follows it.
    const fromDer = forge.asn1.fromDer as unknown as (bytes: forge.util.ByteStringBuffer, options: object) => forge.asn1.Asn1;
    const message = forge.pkcs7.messageFromAsn1(
      fromDer(forge.util.createBuffer(der.toString('binary')), { strict: false, parseAllBytes: false }),
    ) as forge.pkcs7.PkcsSignedData & { rawCapture: RawCapture };
    const raw = message.rawCapture;
    const certificate = message.certificates[0];
    if (!certificate || !raw.authenticatedAttributes || !raw.signature)
      return { signed: true, intact: false, coversWholeFile, signer: null };
    const signer = (certificate.subject.getField('CN')?.value as string | undefined) ?? null;
    const content = createHash('sha256')
      .update(pdf.subarray(a, a + b))
      .update(pdf.subarray(c, c + d))
      .digest();
    const signedDigest = messageDigestOf(raw.authenticatedAttributes);
    const attributes = forge.asn1.toDer(
      forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.SET, true, raw.authenticatedAttributes),
    );
    const publicKey = createPublicKey(forge.pki.publicKeyToPem(certificate.publicKey));
    const intact =
      signedDigest !== null &&
      signedDigest.equals(content) &&
      verify('sha256', Buffer.from(attributes.getBytes(), 'binary'), publicKey, Buffer.from(raw.signature, 'binary'));
    return { signed: true, intact, coversWholeFile, signer };
  } catch {
    return { signed: true, intact: false, coversWholeFile, signer: null };
  }
}

interface RawCapture {
  authenticatedAttributes?: forge.asn1.Asn1[];
  signature?: string;
}

/** The value of the messageDigest attribute (1.2.840.113549.1.9.4) among the signed attributes. */
function messageDigestOf(attributes: forge.asn1.Asn1[]): Buffer | null {
  for (const attr of attributes) {
    const [oid, values] = attr.value as forge.asn1.Asn1[];
    if (forge.asn1.derToOid(oid.value as string) !== forge.pki.oids.messageDigest) continue;
    const value = (values.value as forge.asn1.Asn1[])[0];
    return Buffer.from(value.value as string, 'binary');
  }
  return null;
}
