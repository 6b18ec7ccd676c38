import { ApiProperty } from '@nestjs/swagger';
import { DOSSIER_STATUSES, type DossierStatus } from '../../dossiers/lifecycle.js';
import type { LookupRecord } from './lookup-record.js';

/** `GET /api/v1/lookup/{code}`: public, so no names, no form data, no files. */
export class LookupResponse {
  @ApiProperty({ example: 'H12.05-261121-0007' }) code: string;
  @ApiProperty({ example: 'Đăng ký khai sinh' }) procedureName: string;
  @ApiProperty({ example: 'UBND xã An Phú' }) agencyName: string;
  @ApiProperty({ enum: DOSSIER_STATUSES }) status: DossierStatus;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) receivedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'The legal due date' }) dueAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'The new appointment after an apology letter' })
  rescheduledAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) completedAt: string | null;
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function toLookupResponse(r: LookupRecord): LookupResponse {
  return {
    code: r.code,
    procedureName: r.procedureName.vi,
    agencyName: r.agencyName,
    status: r.status,
    receivedAt: iso(r.receivedAt),
    dueAt: iso(r.dueAt),
    rescheduledAt: iso(r.rescheduledAt),
    completedAt: iso(r.completedAt),
  };
}
