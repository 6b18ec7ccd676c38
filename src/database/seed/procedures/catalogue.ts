/**
 * The demo province's catalogue of administrative procedures: real national
 * procedures (codes, legal basis, times, fees, forms, dossier components) as
 * published on the National Public Service Portal, configured for the
 * communes and departments of the fictional province of Minh Hà (H12).
 *
 * One file per sector; each procedure is one commented block that names its
 * sources and what is uncertain. Amounts that the provincial People's
 * Council sets are demo values and say so.
 */
import type { ProcedureDefinition } from '../../../procedures/forms/definition.js';
import { SOCIAL_PROTECTION_PROCEDURES } from './bao-tro-xa-hoi.js';
import { CERTIFICATION_PROCEDURES } from './chung-thuc.js';
import { RESIDENCE_PROCEDURES } from './cu-tru.js';
import { HOUSEHOLD_BUSINESS_PROCEDURES } from './ho-kinh-doanh.js';
import { CIVIL_STATUS_PROCEDURES } from './ho-tich.js';
import { CRIMINAL_RECORD_PROCEDURES } from './ly-lich-tu-phap.js';
import { CONSTRUCTION_PROCEDURES } from './xay-dung.js';

export { CODE as SEED_PROCEDURE_CODES } from './codes.js';

export const SEED_PROCEDURES: { code: string; definition: ProcedureDefinition }[] = [
  ...CIVIL_STATUS_PROCEDURES,
  ...CERTIFICATION_PROCEDURES,
  ...HOUSEHOLD_BUSINESS_PROCEDURES,
  ...CONSTRUCTION_PROCEDURES,
  ...RESIDENCE_PROCEDURES,
  ...CRIMINAL_RECORD_PROCEDURES,
  ...SOCIAL_PROTECTION_PROCEDURES,
];
