/**
 * Form validation speed: `validate` on a realistic 50-field form and a valid
 * submission (target: median under 0.2 ms). Run with `npm run bench:forms`;
 * results are recorded in bench/README.md.
 */
import { bench, describe } from 'vitest';
import { compileForm } from '../src/procedures/forms/validate-submission.js';
import { BENCH_CONTEXT, FIFTY_FIELD_FORM, FIFTY_FIELD_SUBMISSION } from './fifty-field-form.js';

const form = compileForm(FIFTY_FIELD_FORM);
const invalid = { ...FIFTY_FIELD_SUBMISSION, applicantCitizenId: '12345', landArea: 'abc', applicantPhone: '12', surprise: 'x' };

// Measuring the failure path by mistake would be meaningless: refuse to run on a submission that does not pass.
const check = form.validate(FIFTY_FIELD_SUBMISSION, BENCH_CONTEXT);
if (!check.ok) throw new Error(`the benchmark submission is not valid: ${JSON.stringify(check.errors.map((e) => e.path))}`);

describe('form validation (50 fields)', () => {
  bench('validate: valid submission', () => {
    form.validate(FIFTY_FIELD_SUBMISSION, BENCH_CONTEXT);
  });

  bench('validate: submission with 4 errors', () => {
    form.validate(invalid, BENCH_CONTEXT);
  });

  bench('visibleKeys', () => {
    form.visibleKeys(FIFTY_FIELD_SUBMISSION);
  });

  bench('compileForm (once per version)', () => {
    compileForm(FIFTY_FIELD_FORM);
  });
});
