import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDate,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
} from 'class-validator';
import { EmptyAsUndefined } from '../common/dto-transforms.js';
import { PageQuery } from '../common/pagination.js';
import { paymentOfDossier } from './dossier-detail-sql.js';
import type { DossierDetail } from './dossier-queries.service.js';
import type { DossierEntity } from './dossier.entity.js';
import { DOSSIER_STATUSES, type DossierStatus } from './lifecycle.js';

export class CreateDossierDto {
  @ApiProperty({ example: '1.001193' }) @IsNotEmpty() @IsString() @MaxLength(64) procedureCode: string;
  @ApiProperty({ example: 'H12.05' }) @IsNotEmpty() @IsString() @MaxLength(40) agencyCode: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) @IsOptional() @IsObject() formData?: Record<string, unknown>;
}

export class UpdateDossierDto {
  @ApiProperty({ type: 'object', additionalProperties: true }) @IsObject() formData: Record<string, unknown>;
}

export class UploadFileDto {
  @ApiProperty({ example: 'GCS' }) @IsNotEmpty() @IsString() @MaxLength(64) componentCode: string;
}

export class AnswerSupplementDto {
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) @IsOptional() @IsObject() formData?: Record<string, unknown>;
  @ApiPropertyOptional() @EmptyAsUndefined() @IsOptional() @IsString() @MaxLength(2000) comment?: string;
}

/** The body of every staff action; each action reads the fields it needs. */
export class ActionDto {
  @ApiProperty({ description: 'The dossier version the officer saw (optimistic locking)' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version: number;

  @ApiPropertyOptional() @EmptyAsUndefined() @IsOptional() @IsString() @MaxLength(2000) comment?: string;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(500, { each: true })
  items?: string[];
  @ApiPropertyOptional() @EmptyAsUndefined() @IsOptional() @IsString() @MaxLength(2000) reason?: string;
  @ApiPropertyOptional() @EmptyAsUndefined() @IsOptional() @IsString() @MaxLength(64) toStep?: string;
  @ApiPropertyOptional() @EmptyAsUndefined() @IsOptional() @IsString() @MaxLength(40) toAgencyCode?: string;
  @ApiPropertyOptional() @EmptyAsUndefined() @IsOptional() @IsUUID() assigneeId?: string;

  @ApiPropertyOptional({ description: 'extend: the new appointment, ISO 8601 with offset' })
  @EmptyAsUndefined()
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value) ? new Date(value) : value))
  @IsDate({ message: 'validation.invalid' })
  newDueAt?: Date;
}

export class DossierListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: DOSSIER_STATUSES }) @EmptyAsUndefined() @IsOptional() @IsIn(DOSSIER_STATUSES) status?: DossierStatus;
  @ApiPropertyOptional() @EmptyAsUndefined() @IsOptional() @IsString() @MaxLength(64) procedureCode?: string;
  @ApiPropertyOptional({ enum: ['true', 'false'] })
  @EmptyAsUndefined()
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsIn([true, false])
  overdue?: boolean;
  @ApiPropertyOptional({ enum: ['me'] }) @EmptyAsUndefined() @IsOptional() @IsIn(['me']) assignee?: 'me';
  @ApiPropertyOptional({ description: 'Part of a dossier or procedure code' })
  @EmptyAsUndefined()
  @IsOptional()
  @IsString()
  @MaxLength(64)
  q?: string;
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** The list view of a dossier. */
export function toDossierSummary(d: DossierEntity) {
  return {
    id: d.id,
    code: d.code,
    procedureCode: d.procedureCode,
    status: d.status,
    step: d.step,
    channel: d.channel,
    submittedAt: iso(d.submittedAt),
    receivedAt: iso(d.receivedAt),
    dueAt: iso(d.dueAt),
    rescheduledAt: iso(d.rescheduledAt),
    completedAt: iso(d.completedAt),
    returnedAt: iso(d.returnedAt),
    outcome: d.outcome,
    assigneeId: d.assigneeId,
    version: d.version,
    updatedAt: d.updatedAt.toISOString(),
  };
}

/** The whole dossier as API.md shows it. */
export function toDossierResponse({ dossier: d, events, files, agency, procedureName, payment, result }: DossierDetail) {
  return {
    ...toDossierSummary(d),
    procedureName,
    agencyCode: agency.code,
    agencyName: agency.name,
    formData: d.formData,
    clockStart: iso(d.clockStart),
    stepDueAt: iso(d.stepDueAt),
    supplementDueAt: iso(d.supplementDueAt),
    proposal: d.proposal,
    reason: d.reason,
    digitised: d.digitised,
    fee: { amount: d.feeAmount, currency: 'VND', payWhen: d.feePayWhen },
    payment: paymentOfDossier(d.feeAmount, payment),
    result: result
      ? {
          documentNo: result.documentNo,
          issuedAt: new Date(result.issuedAt).toISOString(),
          verifyToken: result.verifyToken,
          verifyUrl: result.verifyUrl,
          status: result.status,
        }
      : null,
    components: files
      .filter((f) => !f.replacedAt)
      .map((f) => ({
        id: f.id,
        componentCode: f.componentCode,
        fileName: f.fileName,
        mimeType: f.mimeType,
        size: f.sizeBytes,
        sha256: f.sha256,
        source: f.source,
        uploadedAt: f.uploadedAt.toISOString(),
      })),
    events: events.map((e) => ({
      at: e.at.toISOString(),
      action: e.action,
      actorRole: e.actorRole,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      fromStep: e.fromStep,
      toStep: e.toStep,
      comment: e.comment,
      data: e.data,
    })),
  };
}
