import { createPrivateKey, privateEncrypt, constants, type KeyObject } from 'node:crypto';
import forge from 'node-forge';

/** A parsed PKCS#12: the signing key, its certificate, and every certificate of the file (chain included) in the file's order. */
export interface SigningCredentials {
  key: KeyObject;
  certificate: forge.pki.Certificate;
  certificates: forge.pki.Certificate[];
}

export class CredentialsError extends Error {}

/**
 * Reads a PKCS#12 file once (node-forge needs tens of milliseconds for the
 * password-based decryption, so callers keep the result). As
 * `@signpdf/signer-p12`'s P12Signer does, the signer's certificate is the one
 * whose public key matches the private key, and all certificates are kept in
 * the order of the file's bags (the signature embeds them in that order).
 */
export function readP12(p12: Buffer, passphrase: string): SigningCredentials {
  let parsed: forge.pkcs12.Pkcs12Pfx;
  try {
    parsed = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(forge.util.createBuffer(p12.toString('binary'))), false, passphrase);
  } catch (error) {
    throw new CredentialsError(`cannot read the PKCS#12 file: ${(error as Error).message}`);
  }
  const keyBag =
    parsed.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag })[forge.pki.oids.pkcs8ShroudedKeyBag]?.[0] ??
    parsed.getBags({ bagType: forge.pki.oids.keyBag })[forge.pki.oids.keyBag]?.[0];
  const privateKey = keyBag?.key as forge.pki.rsa.PrivateKey | undefined;
  if (!privateKey) throw new CredentialsError('the PKCS#12 file holds no private key');
  const certs = (parsed.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag] ?? []).flatMap((bag) =>
    bag.cert ? [bag.cert] : [],
  );
  const certificate = certs.find((c) => {
    const pub = c.publicKey as forge.pki.rsa.PublicKey;
    return pub.n?.compareTo(privateKey.n) === 0 && pub.e?.compareTo(privateKey.e) === 0;
  });
  if (!certificate) throw new CredentialsError('no certificate in the PKCS#12 file matches its private key');
  return {
    key: createPrivateKey(forge.pki.privateKeyToPem(privateKey)),
    certificate,
    certificates: certs,
  };
}

/** DER of DigestInfo { sha256, NULL } before the 32 hash bytes (RFC 8017 §9.2). */
const SHA256_DIGEST_INFO = Buffer.from('3031300d060960864801650304020105000420', 'hex');

/**
 * A node-forge-compatible private key whose RSA operation runs in OpenSSL:
 * PKCS#1 v1.5 over the digest forge computed. forge's JavaScript RSA takes
 * around 100 ms per signature on a small server; this takes about one.
 */
export function nativeRsaKey(key: KeyObject): { sign(md: forge.md.MessageDigest): string } {
  return {
    sign(md) {
      const digest = Buffer.from(md.digest().getBytes(), 'binary');
      const signature = privateEncrypt({ key, padding: constants.RSA_PKCS1_PADDING }, Buffer.concat([SHA256_DIGEST_INFO, digest]));
      return signature.toString('binary');
    },
  };
}
