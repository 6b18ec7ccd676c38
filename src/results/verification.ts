import type { SignatureCheck } from '../signing/pdf-signature.js';
import { maskHolderName } from './holder-name.js';
import type { ResultStatus, VerifiedRecord } from './result-records.js';

/** What anyone holding the paper may learn from its QR code: no more personal data than the document shows, less in fact. */
export interface Verification {
  valid: boolean;
  status: ResultStatus;
  revoked: boolean;
  superseded: boolean;
  documentNo: string;
  title: string;
  issuedAt: string;
  issuer: string;
  holderName: string;
  /** Why it was revoked or superseded, and when. */
  reason: string | null;
  statusChangedAt: string | null;
  supersededBy: { documentNo: string; verifyUrl: string } | null;
  verifyUrl: string;
}

export function toVerification(r: VerifiedRecord): Verification {
  return {
    valid: r.status === 'ISSUED',
    status: r.status,
    revoked: r.status === 'REVOKED',
    superseded: r.status === 'SUPERSEDED',
    documentNo: r.documentNo,
    title: r.title,
    issuedAt: new Date(r.issuedAt).toISOString(),
    issuer: r.issuer,
    holderName: maskHolderName(r.holderName),
    reason: r.statusReason,
    statusChangedAt: r.statusChangedAt ? new Date(r.statusChangedAt).toISOString() : null,
    supersededBy: r.supersededBy,
    verifyUrl: r.verifyUrl,
  };
}

/** An uploaded file compared with the issued one. */
export interface FileComparison {
  /** Byte for byte the issued file (same SHA-256). */
  exactMatch: boolean;
  sha256: string;
  /** The file has a signature and the signed bytes are unchanged (it may still be a different document). */
  signed: boolean;
  signatureIntact: boolean;
  /** Something was appended after the signature. */
  appended: boolean;
  /** One word for the page and for clients: EXACT, SIGNED_INTACT (a signed file, not this one), ALTERED, UNSIGNED. */
  verdict: 'EXACT' | 'SIGNED_INTACT' | 'ALTERED' | 'UNSIGNED';
}

export function compareFile(issuedSha256: string, uploadedSha256: string, signature: SignatureCheck): FileComparison {
  const exactMatch = issuedSha256 === uploadedSha256;
  const signatureIntact = signature.signed && signature.intact;
  const verdict = exactMatch
    ? 'EXACT'
    : !signature.signed
      ? 'UNSIGNED'
      : signatureIntact && signature.coversWholeFile
        ? 'SIGNED_INTACT'
        : 'ALTERED';
  return {
    exactMatch,
    sha256: uploadedSha256,
    signed: signature.signed,
    signatureIntact,
    appended: signature.signed && !signature.coversWholeFile,
    verdict,
  };
}
