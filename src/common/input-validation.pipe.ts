import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import type { ClassConstructor } from 'class-transformer';
import { validateInput } from './validation.js';

const PLAIN = new Set<unknown>([String, Boolean, Number, Array, Object]);

/** Validates every `@Body()` and `@Query()` typed with a DTO class. */
@Injectable()
export class InputValidationPipe implements PipeTransform {
  async transform(value: unknown, meta: ArgumentMetadata): Promise<unknown> {
    if ((meta.type !== 'body' && meta.type !== 'query') || !meta.metatype || PLAIN.has(meta.metatype)) return value;
    return validateInput(meta.metatype as ClassConstructor<object>, value ?? {}, meta.type === 'query' ? 'query' : '');
  }
}
