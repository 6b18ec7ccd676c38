import { ApiProperty } from '@nestjs/swagger';
import { IsString, IsUUID, MaxLength } from 'class-validator';
import type { ResultRecord } from './result-records.js';

export class StatusChangeDto {
  @ApiProperty({ description: 'Why the result is revoked or replaced; shown on the verification page', maxLength: 1000 })
  @IsString()
  @MaxLength(1000)
  reason: string;
}

export class ReuseChoiceDto {
  @ApiProperty({ description: 'A result in force from the citizen’s wallet, of the procedure the component accepts' })
  @IsUUID()
  resultId: string;
}

/** A result in the citizen's wallet, as the API shows it. */
export function toWalletItem(r: ResultRecord & { procedureName: string }) {
  return {
    id: r.id,
    dossierId: r.dossierId,
    dossierCode: r.dossierCode,
    procedureCode: r.procedureCode,
    procedureName: r.procedureName,
    documentNo: r.documentNo,
    title: r.title,
    issuedAt: new Date(r.issuedAt).toISOString(),
    issuer: r.issuer,
    status: r.status,
    valid: r.status === 'ISSUED',
    reusable: r.status === 'ISSUED',
    verifyToken: r.verifyToken,
    verifyUrl: r.verifyUrl,
    downloadUrl: `/api/v1/dossiers/${r.dossierId}/result.pdf`,
  };
}

/** The result after a leader's change. */
export function toResultStatus(r: ResultRecord) {
  return {
    id: r.id,
    documentNo: r.documentNo,
    status: r.status,
    reason: r.statusReason,
    statusChangedAt: r.statusChangedAt ? new Date(r.statusChangedAt).toISOString() : null,
    supersededBy: r.supersededBy,
  };
}
