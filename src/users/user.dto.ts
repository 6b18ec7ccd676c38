import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayNotEmpty, IsArray, IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { PageQuery } from '../common/pagination.js';
import { CITIZEN_ID, CleanText, Digits, EmptyAsUndefined, LowerCaseEmail, VN_PHONE } from '../common/dto-transforms.js';
import { ROLES, type Role } from '../common/roles.js';
import type { UserEntity } from './user.entity.js';

export class CreateUserDto {
  @ApiProperty({ example: 'chuyenvien@anphu.gov.vn' })
  @LowerCaseEmail()
  @IsNotEmpty()
  @IsEmail({}, { message: 'validation.isEmail' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'Trần Thị Bình' })
  @CleanText()
  @IsNotEmpty()
  @IsString()
  @MaxLength(200)
  fullName: string;

  @ApiProperty({ minLength: 10 })
  @IsNotEmpty()
  @IsString()
  @MinLength(10, { message: 'validation.password' })
  @MaxLength(200)
  password: string;

  @ApiProperty({ enum: ROLES, isArray: true, example: ['SPECIALIST'] })
  @IsArray()
  @ArrayNotEmpty()
  @IsIn(ROLES, { each: true })
  roles: Role[];

  @ApiPropertyOptional({ example: 'H12.05', description: 'Required for staff roles' })
  @EmptyAsUndefined()
  @IsOptional()
  @IsString()
  agencyCode?: string;

  @ApiPropertyOptional({ example: '001090000123' })
  @EmptyAsUndefined()
  @Digits()
  @IsOptional()
  @Matches(CITIZEN_ID, { message: 'validation.citizenId' })
  citizenId?: string;

  @ApiPropertyOptional({ example: '0912345678' })
  @EmptyAsUndefined()
  @Digits()
  @IsOptional()
  @Matches(VN_PHONE, { message: 'validation.phone' })
  phone?: string;
}

export class UserListQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Part of a name or email' })
  @EmptyAsUndefined()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class UserResponse {
  @ApiProperty() id: string;
  @ApiProperty() email: string;
  @ApiProperty() fullName: string;
  @ApiPropertyOptional({ nullable: true, type: String }) citizenId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) phone: string | null;
  @ApiProperty({ enum: ROLES, isArray: true }) roles: Role[];
  @ApiPropertyOptional({ nullable: true, type: String }) agencyCode: string | null;
  @ApiProperty() active: boolean;
  @ApiProperty() createdAt: string;
}

export function toUserResponse(u: UserEntity): UserResponse {
  return {
    id: u.id,
    email: u.email,
    fullName: u.fullName,
    citizenId: u.citizenId,
    phone: u.phone,
    roles: u.roles,
    agencyCode: u.agency?.code ?? null,
    active: u.active,
    createdAt: u.createdAt.toISOString(),
  };
}
