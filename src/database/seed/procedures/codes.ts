/**
 * Codes of the seed procedures. National codes come from the National Database
 * of Administrative Procedures (Cơ sở dữ liệu quốc gia về thủ tục hành chính);
 * the comment at each procedure says how sure the code is. A department-level
 * code carries the province suffix, as the national portal writes it.
 */
export const CODE = {
  BIRTH: '1.001193',
  MARRIAGE: '1.000894',
  DEATH: '1.000656',
  MARITAL_STATUS: '1.004873',
  CIVIL_EXTRACT_COPY: '2.000635',
  PARENTAGE: '1.001022',
  COPY_CERTIFICATION: '2.000815',
  SIGNATURE_CERTIFICATION: '2.000884',
  HOUSEHOLD_BUSINESS: '1.001612',
  HOUSE_BUILDING_PERMIT: '1.009994',
  RESIDENCE_CONFIRMATION: '1.004194',
  CRIMINAL_RECORD: '2.000488.000.00.00.H12',
  DISABILITY_CERTIFICATE: '1.001699',
  SOCIAL_ALLOWANCE: '1.001776',
} as const;
