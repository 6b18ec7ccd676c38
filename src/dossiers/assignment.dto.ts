import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Min } from 'class-validator';
import { EmptyAsUndefined } from '../common/dto-transforms.js';

/** `POST /api/v1/dossiers/{id}/assign`: without `assigneeId`, the least-loaded officer of the step's role. */
export class AssignDto {
  @ApiPropertyOptional({ description: 'An officer of the unit holding the role of the current step; omit for automatic assignment' })
  @EmptyAsUndefined()
  @IsOptional()
  @IsUUID()
  assigneeId?: string;

  @ApiProperty({ description: 'The dossier version the officer saw (optimistic locking)' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version: number;
}
