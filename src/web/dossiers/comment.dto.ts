import { Transform } from 'class-transformer';
import { IsOptional, IsString, MaxLength } from 'class-validator';

/**
 * The optional note of a withdrawal or a supplement: trimmed, empty meaning
 * none, line breaks counted once (as the browser counts them against `maxlength`).
 */
export class CommentDto {
  @Transform(({ value }) => (typeof value === 'string' ? value.replace(/\r\n?/g, '\n').trim() || undefined : value))
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}
