import { Controller, Get, Header, HttpCode, Param, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiConsumes, ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import { API_PREFIX } from '../common/api.js';
import { Problem } from '../common/problem.js';
import { VerificationService } from './verification.service.js';

/** The largest file compared: results are a few hundred kilobytes. */
export const MAX_VERIFY_BYTES = 20 * 1024 * 1024;

/** Public: what the QR code of a result tells anyone holding it. */
@ApiTags('results')
@Controller(`${API_PREFIX}/verify`)
export class VerifyController {
  constructor(private readonly verification: VerificationService) {}

  /** `{ valid, status, documentNo, title, issuedAt, issuer, holderName (masked), revoked, superseded, reason, supersededBy }`. */
  @Get(':token')
  // A revocation must show at once: no cache may keep an earlier answer.
  @Header('Cache-Control', 'no-store')
  @ApiNotFoundResponse({ description: 'No result has this token (`results.verifyNotFound`)' })
  verify(@Param('token') token: string) {
    return this.verification.verify(token);
  }

  /** The same, with `file`: whether the uploaded PDF is exactly the issued file, and whether its signature is intact. */
  @Post(':token')
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_VERIFY_BYTES, files: 1 } }))
  compare(@Param('token') token: string, @UploadedFile() file: { buffer: Buffer; size: number } | undefined) {
    if (!file || file.size === 0) throw Problem.validation([{ path: 'file', code: 'results.fileRequired' }]);
    return this.verification.compare(token, file.buffer);
  }
}
