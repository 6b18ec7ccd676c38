import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { LOOKUP_LIMIT_PER_MINUTE, RATE_CTE, type RateCount } from './lookup-rate.guard.js';
import type { LookupRecord } from './lookup-record.js';

const SELECT_RECORD = `d.code, d.status, d.received_at, d.due_at, d.rescheduled_at, d.completed_at,
       a.name AS agency_name, v.definition->'name' AS procedure_name`;

const JOINS = `JOIN agency a ON a.id = d.agency_id
  JOIN procedure_version v ON v.id = d.procedure_version_id`;

interface Row {
  code: string | null;
  status: LookupRecord['status'];
  received_at: Date | null;
  due_at: Date | null;
  rescheduled_at: Date | null;
  completed_at: Date | null;
  agency_name: string;
  procedure_name: LookupRecord['procedureName'];
}

/**
 * The API's lookup in one round trip: the address's count upserted and the
 * dossier read in the same statement, the dossier only while under the limit.
 * A named statement: PostgreSQL parses and plans it once per connection
 * (TypeORM hands the query object to the driver as it is).
 */
const COUNTED_LOOKUP = {
  name: 'lookup_counted',
  text: `WITH ${RATE_CTE}
  SELECT rate.count, rate.reset, ${SELECT_RECORD}
    FROM rate LEFT JOIN (dossier d ${JOINS}) ON d.code = $2 AND rate.count <= ${LOOKUP_LIMIT_PER_MINUTE}`,
} as unknown as string;

/** The public lookup's read: one query on the unique index of dossier codes, joined by primary keys. */
@Injectable()
export class LookupService {
  constructor(private readonly db: DataSource) {}

  async find(code: string): Promise<LookupRecord | null> {
    const [row] = (await this.db.query(`SELECT ${SELECT_RECORD} FROM dossier d ${JOINS} WHERE d.code = $1`, [code])) as Row[];
    return row ? toRecord(row) : null;
  }

  /** Counts the lookup against `address`'s limit and, while under it, finds `code` (null: malformed, counted all the same). */
  async findCounted(address: string, code: string | null): Promise<{ rate: RateCount; record: LookupRecord | null }> {
    const [row] = (await this.db.query(COUNTED_LOOKUP, [address, code])) as (Row & RateCount)[];
    return { rate: { count: row.count, reset: row.reset }, record: row.code ? toRecord(row) : null };
  }
}

function toRecord(row: Row): LookupRecord {
  return {
    code: row.code!,
    status: row.status,
    procedureName: row.procedure_name,
    agencyName: row.agency_name,
    receivedAt: row.received_at,
    dueAt: row.due_at,
    rescheduledAt: row.rescheduled_at,
    completedAt: row.completed_at,
  };
}
