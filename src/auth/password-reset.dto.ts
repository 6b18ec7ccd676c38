import { IsEmail, IsNotEmpty, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { LowerCaseEmail } from '../common/dto-transforms.js';

/** "Forgot your password": the account's email. */
export class PasswordResetRequestDto {
  @LowerCaseEmail()
  @IsNotEmpty()
  @IsEmail({}, { message: 'validation.isEmail' })
  @MaxLength(254)
  email: string;
}

/** The new password, with the token of the mail (the same rules as at registration). */
export class PasswordResetDto {
  @IsNotEmpty()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{43}$/, { message: 'passwordReset.invalidToken' })
  token: string;

  @IsNotEmpty()
  @IsString()
  @MinLength(10, { message: 'validation.password' })
  @MaxLength(200)
  password: string;
}
