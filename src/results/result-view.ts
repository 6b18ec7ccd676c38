import { placeAndDate } from '../documents/vietnamese-date.js';

/** Everything printed on a result, decided before drawing. */
export interface ResultView {
  title: string;
  /** The agency above the issuer (the province of a commune), or null. */
  parentAgency: string | null;
  agency: string;
  documentNo: string;
  dossierCode: string | null;
  /** "An Phú, ngày 21 tháng 11 năm 2026". */
  placeAndDate: string;
  issuedAt: Date;
  bodyLines: string[];
  signer: { title: string; name: string };
  verifyUrl: string;
}

export interface ResultFacts {
  title: string;
  agency: { name: string; parentName: string | null };
  documentNo: string;
  dossierCode: string | null;
  issuedAt: Date;
  bodyLines: string[];
  signerName: string;
  publicUrl: string;
  verifyToken: string;
}

export function verifyUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/verify/${encodeURIComponent(token)}`;
}

/**
 * The locality of the place-and-date line, from the agency's name (agencies
 * have no address yet): "UBND xã An Phú" → "An Phú", "Sở Tư pháp tỉnh Minh Hà"
 * → "Minh Hà"; null when the name says none (printed as dots).
 */
export function placeOf(agencyName: string, parentName: string | null): string | null {
  for (const name of [agencyName, parentName]) {
    const m = name?.match(/(?:^|\s)(?:xã|phường|thị trấn|đặc khu|tỉnh|thành phố)\s+(.+)$/iu);
    if (m) return m[1].trim();
  }
  return null;
}

export function toResultView(f: ResultFacts): ResultView {
  return {
    title: f.title.toLocaleUpperCase('vi'),
    parentAgency: f.agency.parentName,
    agency: f.agency.name,
    documentNo: f.documentNo,
    dossierCode: f.dossierCode,
    placeAndDate: placeAndDate(placeOf(f.agency.name, f.agency.parentName), f.issuedAt),
    issuedAt: f.issuedAt,
    bodyLines: f.bodyLines,
    signer: { title: 'THỦ TRƯỞNG CƠ QUAN', name: f.signerName },
    verifyUrl: verifyUrl(f.publicUrl, f.verifyToken),
  };
}
