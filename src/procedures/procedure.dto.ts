import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { EmptyAsUndefined } from '../common/dto-transforms.js';
import { PageQuery } from '../common/pagination.js';
import { AGENCY_LEVELS } from '../common/roles.js';
import type { ProcedureVersionEntity } from './procedure.entity.js';

export class CatalogueQueryDto extends PageQuery {
  @ApiPropertyOptional({ description: 'Words to find, with or without diacritics', example: 'dang ky khai sinh' })
  @EmptyAsUndefined()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ example: 'Hộ tịch' })
  @EmptyAsUndefined()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  sector?: string;

  @ApiPropertyOptional({ enum: AGENCY_LEVELS })
  @EmptyAsUndefined()
  @IsOptional()
  @IsIn(AGENCY_LEVELS)
  level?: string;

  @ApiPropertyOptional({ example: 'H12.05' })
  @EmptyAsUndefined()
  @IsOptional()
  @IsString()
  @MaxLength(40)
  agencyCode?: string;
}

export class DiffQueryDto {
  @ApiProperty() @Type(() => Number) @IsInt() @Min(1) from: number;
  @ApiProperty() @Type(() => Number) @IsInt() @Min(1) to: number;
}

export class VersionRefResponse {
  @ApiProperty() code: string;
  @ApiProperty() version: number;
}

export class VersionSummary {
  @ApiProperty() version: number;
  @ApiProperty({ enum: ['DRAFT', 'PUBLISHED'] }) status: string;
  @ApiProperty() createdAt: string;
  @ApiPropertyOptional({ type: String, nullable: true }) publishedAt: string | null;
}

export function toVersionSummary(v: ProcedureVersionEntity): VersionSummary {
  return { version: v.version, status: v.status, createdAt: v.createdAt.toISOString(), publishedAt: v.publishedAt?.toISOString() ?? null };
}

/** The body of a procedure, as API.md shows it; checked field by field by `checkDefinition`. */
export const PROCEDURE_BODY_SCHEMA = {
  type: 'object',
  required: [
    'code',
    'name',
    'sector',
    'level',
    'agencyCodes',
    'processingTime',
    'serviceLevel',
    'fee',
    'form',
    'components',
    'workflow',
    'resultTemplate',
  ],
  properties: {
    code: { type: 'string', example: '1.001193' },
    name: { oneOf: [{ type: 'string' }, { type: 'object', properties: { vi: { type: 'string' }, en: { type: 'string' } } }] },
    sector: { type: 'string' },
    level: { enum: AGENCY_LEVELS },
    agencyCodes: { type: 'array', items: { type: 'string' } },
    legalBasis: { type: 'array', items: { type: 'string' } },
    processingTime: { type: 'object', properties: { workingDays: { type: 'number' }, workingHours: { type: 'number' } } },
    serviceLevel: { enum: ['FULL', 'PARTIAL'] },
    fee: {
      type: 'object',
      properties: { amount: { type: 'integer' }, currency: { enum: ['VND'] }, payWhen: { enum: ['ON_SUBMIT', 'BEFORE_RESULT'] } },
    },
    form: { type: 'object', properties: { pages: { type: 'array' }, fields: { type: 'array' } } },
    components: { type: 'array' },
    workflow: { type: 'object', properties: { steps: { type: 'array' } } },
    resultTemplate: { type: 'object', properties: { title: {}, body: { type: 'string' } } },
    supplementPolicy: { enum: ['RESTART', 'PAUSE'], default: 'RESTART' },
    supplementDeadlineDays: { type: 'integer', default: 15 },
    sameDayCutoff: { type: 'string', example: '15:00' },
  },
} as const;
