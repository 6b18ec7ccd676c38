import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { CleanText, EmptyAsUndefined } from '../common/dto-transforms.js';
import { PageQuery } from '../common/pagination.js';
import { PAYMENT_CHANNELS, PAYMENT_STATUSES } from './payment-state.js';

export class ExemptionDto {
  @ApiProperty({ description: 'An exemption code of the procedure version (`fee.exemptions[].code`)', example: 'HO_NGHEO' })
  @IsString()
  @IsNotEmpty({ message: 'payment.exemption.categoryRequired' })
  @MaxLength(64)
  category: string;

  @ApiProperty({ description: 'Why the applicant belongs to the category (the document seen)' })
  @CleanText()
  @IsString()
  @IsNotEmpty({ message: 'payment.exemption.reasonRequired' })
  @MaxLength(2000)
  reason: string;
}

const BOUND = /^\d{4}-\d{2}-\d{2}(T.+)?$/;

export class PaymentListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: PAYMENT_STATUSES }) @EmptyAsUndefined() @IsOptional() @IsIn(PAYMENT_STATUSES) status?: string;
  @ApiPropertyOptional({ enum: PAYMENT_CHANNELS }) @EmptyAsUndefined() @IsOptional() @IsIn(PAYMENT_CHANNELS) channel?: string;
  @ApiPropertyOptional() @EmptyAsUndefined() @IsOptional() @IsString() @MaxLength(64) procedureCode?: string;
  @ApiPropertyOptional({ description: 'Paid (else started) from: a local date 2026-11-01 or an ISO instant' })
  @EmptyAsUndefined()
  @IsOptional()
  @Matches(BOUND, { message: 'validation.invalid' })
  from?: string;
  @ApiPropertyOptional({ description: 'Up to, not including: a local date or an ISO instant' })
  @EmptyAsUndefined()
  @IsOptional()
  @Matches(BOUND, { message: 'validation.invalid' })
  to?: string;
  @ApiPropertyOptional({ enum: ['json', 'csv'] }) @EmptyAsUndefined() @IsOptional() @IsIn(['json', 'csv']) format?: 'json' | 'csv';
}
