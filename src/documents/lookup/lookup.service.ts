import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { LookupRecord } from './lookup-record.js';

/** The public lookup's read: one query on the unique index of dossier codes, joined by primary keys. */
@Injectable()
export class LookupService {
  constructor(private readonly db: DataSource) {}

  async find(code: string): Promise<LookupRecord | null> {
    const [row] = (await this.db.query(
      `SELECT d.code, d.status, d.received_at, d.due_at, d.rescheduled_at, d.completed_at,
              a.name AS agency_name, v.definition->'name' AS procedure_name
         FROM dossier d
         JOIN agency a ON a.id = d.agency_id
         JOIN procedure_version v ON v.id = d.procedure_version_id
        WHERE d.code = $1`,
      [code],
    )) as {
      code: string;
      status: LookupRecord['status'];
      received_at: Date | null;
      due_at: Date | null;
      rescheduled_at: Date | null;
      completed_at: Date | null;
      agency_name: string;
      procedure_name: LookupRecord['procedureName'];
    }[];
    if (!row) return null;
    return {
      code: row.code,
      status: row.status,
      procedureName: row.procedure_name,
      agencyName: row.agency_name,
      receivedAt: row.received_at,
      dueAt: row.due_at,
      rescheduledAt: row.rescheduled_at,
      completedAt: row.completed_at,
    };
  }
}
