import { Signer } from '@signpdf/signpdf';
import forge from 'node-forge';
import { nativeRsaKey, type SigningCredentials } from './credentials.js';

/**
 * The production signer: a `@signpdf` `Signer` that builds exactly the
 * detached PKCS#7 (adbe.pkcs7.detached) of `@signpdf/signer-p12`'s P12Signer
 * — the same certificates in the same order, SHA-256, the authenticated
 * attributes contentType, signingTime, messageDigest in that order — so the
 * issued PDFs are the PAdES signatures the issue asks for.
 *
 * It is its own subclass rather than P12Signer for speed alone: P12Signer
 * decrypts the PKCS#12 and runs node-forge's JavaScript RSA on every call
 * (~170 ms per signature on a 2-vCPU server, more than the whole 100 ms
 * budget of a result), while this one takes credentials decrypted once per
 * process and does the RSA operation in OpenSSL (~4 ms). PKCS#1 v1.5 is
 * deterministic, so for the same input, key and signing time both produce
 * the same bytes: `cms-signer.spec.ts` signs one PDF with each, checks both
 * with pdfsig and compares the CMS structures and the whole signed files.
 */
export class CredentialsSigner extends Signer {
  constructor(private readonly credentials: SigningCredentials) {
    super();
  }

  override async sign(pdfBuffer: Buffer, signingTime?: Date): Promise<Buffer> {
    const p7 = forge.pkcs7.createSignedData();
    p7.content = forge.util.createBuffer(pdfBuffer.toString('binary'));
    for (const cert of this.credentials.certificates) p7.addCertificate(cert);
    p7.addSigner({
      key: nativeRsaKey(this.credentials.key) as unknown as forge.pki.rsa.PrivateKey,
      certificate: this.credentials.certificate,
      digestAlgorithm: forge.pki.oids.sha256,
      authenticatedAttributes: [
        { type: forge.pki.oids.contentType, value: forge.pki.oids.data },
        { type: forge.pki.oids.signingTime, value: (signingTime ?? new Date()) as unknown as string },
        { type: forge.pki.oids.messageDigest },
      ],
    });
    p7.sign({ detached: true });
    return Buffer.from(forge.asn1.toDer(p7.toAsn1()).getBytes(), 'binary');
  }
}
