import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Problem } from '../common/problem.js';
import { sha256 } from '../dossiers/files/storage.js';
import { checkPdfSignature } from '../signing/pdf-signature.js';
import { resultByToken } from './result-records.js';
import { compareFile, toVerification, type FileComparison, type Verification } from './verification.js';

/** Tokens are base64url of 24 random bytes; anything else is not looked up at all. */
const TOKEN = /^[A-Za-z0-9_-]{22,64}$/;

/** The public verification of a result by the token its QR code carries. */
@Injectable()
export class VerificationService {
  constructor(private readonly db: DataSource) {}

  async verify(token: string): Promise<Verification> {
    const found = TOKEN.test(token) ? await resultByToken(this.db.manager, token) : null;
    if (!found) throw Problem.notFound('results.verifyNotFound');
    return toVerification(found);
  }

  /** The verification, and whether `file` is exactly the issued file, or at least carries an intact signature. */
  async compare(token: string, file: Buffer): Promise<Verification & { file: FileComparison }> {
    const found = TOKEN.test(token) ? await resultByToken(this.db.manager, token) : null;
    if (!found) throw Problem.notFound('results.verifyNotFound');
    return { ...toVerification(found), file: compareFile(found.sha256, sha256(file), checkPdfSignature(file)) };
  }
}
