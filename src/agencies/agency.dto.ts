import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { CleanText, EmptyAsUndefined } from '../common/dto-transforms.js';
import { AGENCY_LEVELS, type AgencyLevel } from '../common/roles.js';
import type { AgencyEntity } from './agency.entity.js';

const upper = () => Transform(({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value));

export class CreateAgencyDto {
  @ApiProperty({ example: 'H12.05' })
  @upper()
  @IsNotEmpty()
  @Matches(/^[A-Z0-9][A-Z0-9.-]{0,39}$/, { message: 'validation.agencyCode' })
  code: string;

  @ApiProperty({ example: 'UBND xã An Phú' })
  @CleanText()
  @IsNotEmpty()
  @IsString()
  @MaxLength(200)
  name: string;

  @ApiProperty({ enum: AGENCY_LEVELS })
  @IsNotEmpty()
  @IsIn(AGENCY_LEVELS)
  level: AgencyLevel;

  @ApiPropertyOptional({ example: 'H12', description: 'Required for COMMUNE and DEPARTMENT: the province' })
  @EmptyAsUndefined()
  @upper()
  @IsOptional()
  @IsString()
  parentCode?: string;
}

export class AgencyResponse {
  @ApiProperty() id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: AGENCY_LEVELS }) level: AgencyLevel;
  @ApiPropertyOptional({ type: String, nullable: true }) parentCode: string | null;
}

export class AgencyNode extends AgencyResponse {
  @ApiProperty({ type: () => [AgencyNode] }) children: AgencyNode[];
}

export class AgencyTreeResponse {
  @ApiProperty({ type: [AgencyNode] }) items: AgencyNode[];
}

export function toAgencyResponse(a: AgencyEntity, parentCode: string | null): AgencyResponse {
  return { id: a.id, code: a.code, name: a.name, level: a.level, parentCode };
}
