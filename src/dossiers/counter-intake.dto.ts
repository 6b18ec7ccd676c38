import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsEmail, IsNotEmpty, IsObject, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { CITIZEN_ID, CleanText, Digits, EmptyAsUndefined, LowerCaseEmail, VN_PHONE } from '../common/dto-transforms.js';
import { Problem } from '../common/problem.js';

/** The person at the counter: found by citizen ID, or given an account. */
export class CounterApplicantDto {
  @ApiProperty({ example: '001090000123' })
  @Digits()
  @IsNotEmpty()
  @Matches(CITIZEN_ID, { message: 'validation.citizenId' })
  citizenId: string;

  @ApiProperty({ example: 'Nguyễn Văn An' }) @CleanText() @IsNotEmpty() @IsString() @MaxLength(200) fullName: string;

  @ApiPropertyOptional({ description: 'Optional: without one, the account gets the placeholder {citizenId}@counter.invalid' })
  @EmptyAsUndefined()
  @LowerCaseEmail()
  @IsOptional()
  @IsEmail({}, { message: 'validation.isEmail' })
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ example: '0912345678' })
  @EmptyAsUndefined()
  @Digits()
  @IsOptional()
  @Matches(VN_PHONE, { message: 'validation.phone' })
  phone?: string;
}

/**
 * `POST /api/v1/counter/dossiers`, as API.md fixes it. Sent as JSON (when no
 * component needs a scan) or as multipart/form-data with `applicant` and
 * `formData` as JSON texts and one file per component named `files[<code>]`.
 */
export class CounterIntakeDto {
  @ApiProperty({ example: '1.001193' }) @IsNotEmpty() @IsString() @MaxLength(64) procedureCode: string;

  @ApiProperty({ type: CounterApplicantDto })
  @IsObject()
  @ValidateNested()
  @Type(() => CounterApplicantDto)
  applicant: CounterApplicantDto;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) @IsOptional() @IsObject() formData?: Record<string, unknown>;
}

/** Scans per intake and the largest one the server reads; each component has its own, smaller, limit. */
export const COUNTER_UPLOAD_LIMITS = { fileSize: 25 * 1024 * 1024, files: 30, fields: 200 };

export interface ScannedFile {
  componentCode: string;
  fileName: string;
  bytes: Uint8Array;
}

const FILE_FIELD = /^files\[([^\]]{1,64})\]$/;

/**
 * The multipart parts as the DTO and the scans: `applicant` and `formData`
 * may come as JSON text (multipart) or as objects (JSON body); a file part
 * `files[GCS]` is the scan of component GCS. A text that is not JSON is a 422
 * on that field, not a 400: the form names what to fix.
 */
export function readCounterIntake(
  body: Record<string, unknown>,
  files: readonly { fieldname: string; originalname: string; buffer: Buffer }[] = [],
): { input: Record<string, unknown>; scans: ScannedFile[] } {
  const input: Record<string, unknown> = { ...body };
  const bad: { path: string; code: string }[] = [];
  for (const key of ['applicant', 'formData']) {
    if (typeof input[key] !== 'string') continue;
    try {
      input[key] = JSON.parse(input[key]);
    } catch {
      bad.push({ path: key, code: 'error.badJson' });
    }
  }
  const scans: ScannedFile[] = [];
  for (const f of files) {
    const m = FILE_FIELD.exec(f.fieldname);
    if (!m) bad.push({ path: f.fieldname, code: 'validation.whitelistValidation' });
    else scans.push({ componentCode: m[1], fileName: f.originalname, bytes: f.buffer });
  }
  if (bad.length) throw Problem.validation(bad);
  return { input, scans };
}
