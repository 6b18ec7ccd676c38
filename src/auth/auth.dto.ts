import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { CITIZEN_ID, CleanText, Digits, EmptyAsUndefined, LowerCaseEmail, VN_PHONE } from '../common/dto-transforms.js';
import { ROLES, type Principal, type Role } from '../common/roles.js';

export class RegisterDto {
  @ApiProperty({ example: '001090000123', description: '12-digit personal identification number' })
  @Digits()
  @IsNotEmpty()
  @Matches(CITIZEN_ID, { message: 'validation.citizenId' })
  citizenId: string;

  @ApiProperty({ example: 'Nguyễn Văn An' })
  @CleanText()
  @IsNotEmpty()
  @IsString()
  @MaxLength(200)
  fullName: string;

  @ApiProperty({ example: 'an.nguyen@example.vn' })
  @LowerCaseEmail()
  @IsNotEmpty()
  @IsEmail({}, { message: 'validation.isEmail' })
  @MaxLength(254)
  email: string;

  @ApiPropertyOptional({ example: '0912345678' })
  @EmptyAsUndefined()
  @Digits()
  @IsOptional()
  @Matches(VN_PHONE, { message: 'validation.phone' })
  phone?: string;

  @ApiProperty({ minLength: 10 })
  @IsNotEmpty()
  @IsString()
  @MinLength(10, { message: 'validation.password' })
  @MaxLength(200)
  password: string;
}

export class LoginDto {
  @ApiProperty({ description: 'Email or 12-digit citizen ID', example: 'an.nguyen@example.vn' })
  @IsNotEmpty()
  @IsString()
  @MaxLength(254)
  username: string;

  @ApiProperty()
  @IsNotEmpty()
  @IsString()
  @MaxLength(200)
  password: string;
}

export class RegisteredResponse {
  @ApiProperty() id: string;
}

export class MeResponse {
  @ApiProperty() id: string;
  @ApiProperty() fullName: string;
  @ApiProperty() email: string;
  @ApiPropertyOptional({ type: String, nullable: true }) citizenId: string | null;
  @ApiProperty({ enum: ROLES, isArray: true }) roles: Role[];
  @ApiPropertyOptional({ type: String, nullable: true }) agencyCode: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) agencyName: string | null;
}

export class LoginResponse {
  @ApiProperty() accessToken: string;
  @ApiProperty({ description: 'Seconds until the token expires' }) expiresIn: number;
  @ApiProperty({ type: MeResponse }) user: Pick<MeResponse, 'id' | 'fullName' | 'roles' | 'agencyCode'>;
}

export function toMe(p: Principal): MeResponse {
  return {
    id: p.id,
    fullName: p.fullName,
    email: p.email,
    citizenId: p.citizenId,
    roles: p.roles,
    agencyCode: p.agency?.code ?? null,
    agencyName: p.agency?.name ?? null,
  };
}
