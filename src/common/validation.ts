import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';
import { isMessageKey } from '../i18n/i18n.js';
import { Problem, type FieldError } from './problem.js';

/**
 * Turns untrusted input into an instance of `cls` or throws a 422 Problem
 * listing every bad field at once. Shared by the API's pipe and the pages.
 */
export async function validateInput<T extends object>(cls: ClassConstructor<T>, input: unknown, pathPrefix = ''): Promise<T> {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw Problem.validation([{ path: pathPrefix || '$', code: 'validation.invalid' }]);
  }
  const instance = plainToInstance(cls, input, { enableImplicitConversion: false });
  const errors = await validate(instance, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true });
  if (errors.length > 0) throw Problem.validation(flatten(errors, pathPrefix));
  return instance;
}

function flatten(errors: ValidationError[], prefix: string): FieldError[] {
  return errors.flatMap((error) => {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    const own = mostTelling(Object.entries(error.constraints ?? {}), error.value).map(([constraint, message]) => ({
      path,
      code: isMessageKey(message) ? message : isMessageKey(`validation.${constraint}`) ? `validation.${constraint}` : 'validation.invalid',
    }));
    return [...own, ...flatten(error.children ?? [], path)];
  });
}

/** Rules about the kind of value, which say more than the rules about its content. */
const TYPE_RULES = ['isString', 'isArray', 'isInt', 'isNumber', 'isBoolean', 'isObject'];

/**
 * A missing value is told as "required" rather than as every rule it also fails
 * (even when the field has no isNotEmpty rule of its own), a value of the wrong
 * kind as such, anything else by its first failed rule.
 */
function mostTelling(failed: [string, string][], value: unknown): [string, string][] {
  const missing = failed.find(([c]) => c === 'isDefined' || c === 'isNotEmpty');
  if (missing) return [missing];
  if (failed.length === 0) return [];
  if ((value === undefined || value === null) && !failed.some(([c]) => c === 'whitelistValidation')) {
    return [['isNotEmpty', 'validation.isNotEmpty']];
  }
  const wrongKind = failed.find(([c]) => TYPE_RULES.includes(c));
  return wrongKind ? [wrongKind] : failed.slice(0, 1);
}
