import { MAX_DOSSIERS_PER_IMPORT, MAX_EVENTS_PER_DOSSIER } from './import-request.js';
import { IMPORT_EVENT_TYPES } from './replay.js';

const instant = { type: 'string', format: 'date-time', example: '2025-03-03T09:00:00+07:00' };

/** The import body for the OpenAPI page; `import-request.ts` is what checks it. */
export const IMPORT_BODY_SCHEMA = {
  type: 'object',
  required: ['dossiers'],
  properties: {
    dossiers: {
      type: 'array',
      minItems: 1,
      maxItems: MAX_DOSSIERS_PER_IMPORT,
      items: {
        type: 'object',
        required: ['procedureCode', 'agencyCode', 'channel', 'applicant', 'events'],
        properties: {
          code: {
            type: 'string',
            description: 'Kept as given; generated from the reception date when absent',
            example: 'H12.05-250303-0007',
          },
          procedureCode: { type: 'string', example: '1.001193' },
          agencyCode: { type: 'string', example: 'H12.05' },
          channel: { type: 'string', enum: ['ONLINE', 'COUNTER'] },
          applicant: {
            type: 'object',
            required: ['citizenId', 'fullName'],
            properties: {
              citizenId: { type: 'string', pattern: '^\\d{12}$' },
              fullName: { type: 'string' },
              email: { type: 'string', format: 'email' },
            },
          },
          formData: {
            type: 'object',
            additionalProperties: true,
            description: 'Stored as given (history is not checked against the form in force)',
          },
          fee: { type: 'object', properties: { amount: { type: 'integer', minimum: 0 }, currency: { type: 'string', enum: ['VND'] } } },
          paidOnline: { type: 'boolean' },
          rating: {
            description: 'A score 1–5, or { score, comment?, at? }',
            oneOf: [
              { type: 'integer', minimum: 1, maximum: 5 },
              {
                type: 'object',
                properties: { score: { type: 'integer', minimum: 1, maximum: 5 }, comment: { type: 'string' }, at: instant },
              },
            ],
          },
          events: {
            type: 'array',
            minItems: 1,
            maxItems: MAX_EVENTS_PER_DOSSIER,
            items: {
              type: 'object',
              required: ['type', 'at'],
              properties: {
                type: { type: 'string', enum: IMPORT_EVENT_TYPES },
                at: instant,
                by: { type: 'string', description: 'Who acted in the old system' },
                comment: { type: 'string', description: 'REJECTED: the reason; SUPPLEMENT_REQUESTED: what was asked' },
              },
            },
          },
        },
      },
    },
  },
} as const;
