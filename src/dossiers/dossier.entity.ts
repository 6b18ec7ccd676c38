import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Outcome } from '../calendar/working-time.js';
import type { DossierStatus, Proposal } from './lifecycle.js';

export type Channel = 'ONLINE' | 'COUNTER';

/** A dossier's current state; its history is in `dossier_event`. */
@Entity('dossier')
export class DossierEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'varchar', nullable: true }) code: string | null;
  @Column({ name: 'procedure_id', type: 'uuid' }) procedureId: string;
  @Column({ name: 'procedure_version_id', type: 'uuid' }) procedureVersionId: string;
  @Column({ name: 'procedure_code', type: 'varchar' }) procedureCode: string;
  @Column({ name: 'agency_id', type: 'uuid' }) agencyId: string;
  @Column({ name: 'current_agency_id', type: 'uuid' }) currentAgencyId: string;
  @Column({ name: 'applicant_id', type: 'uuid' }) applicantId: string;
  @Column({ type: 'varchar' }) channel: Channel;
  @Column({ type: 'varchar' }) status: DossierStatus;
  @Column({ type: 'varchar', nullable: true }) step: string | null;
  @Column({ name: 'step_due_at', type: 'timestamptz', nullable: true }) stepDueAt: Date | null;
  @Column({ name: 'assignee_id', type: 'uuid', nullable: true }) assigneeId: string | null;
  @Column({ name: 'form_data', type: 'jsonb' }) formData: Record<string, unknown>;
  @Column({ type: 'varchar', nullable: true }) proposal: Proposal | null;
  @Column({ type: 'text', nullable: true }) reason: string | null;
  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true }) submittedAt: Date | null;
  @Column({ name: 'received_at', type: 'timestamptz', nullable: true }) receivedAt: Date | null;
  @Column({ name: 'clock_start', type: 'timestamptz', nullable: true }) clockStart: Date | null;
  @Column({ name: 'due_at', type: 'timestamptz', nullable: true }) dueAt: Date | null;
  @Column({ name: 'rescheduled_at', type: 'timestamptz', nullable: true }) rescheduledAt: Date | null;
  @Column({ name: 'clock_paused_at', type: 'timestamptz', nullable: true }) clockPausedAt: Date | null;
  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true }) completedAt: Date | null;
  @Column({ type: 'varchar', nullable: true }) outcome: Outcome | null;
  @Column({ name: 'returned_at', type: 'timestamptz', nullable: true }) returnedAt: Date | null;
  @Column({ name: 'supplement_due_at', type: 'timestamptz', nullable: true }) supplementDueAt: Date | null;
  @Column({ name: 'reception_supplements', type: 'int' }) receptionSupplements: number;
  @Column({ name: 'processing_supplements', type: 'int' }) processingSupplements: number;
  @Column({ type: 'boolean' }) extended: boolean;
  @Column({ name: 'fee_amount', type: 'bigint', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } }) feeAmount: number;
  @Column({ name: 'fee_pay_when', type: 'varchar' }) feePayWhen: 'ON_SUBMIT' | 'BEFORE_RESULT';
  @Column({ type: 'boolean' }) digitised: boolean;
  @Column({ type: 'int' }) version: number;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt: Date;
}

/** One change of state: who, when, from what to what, and why. Append-only (a trigger enforces it). */
@Entity('dossier_event')
export class DossierEventEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' }) id: string;
  @Column({ name: 'dossier_id', type: 'uuid' }) dossierId: string;
  @Column({ type: 'timestamptz', default: () => 'now()' }) at: Date;
  @Column({ name: 'actor_id', type: 'uuid', nullable: true }) actorId: string | null;
  @Column({ name: 'actor_role', type: 'varchar' }) actorRole: string;
  @Column({ type: 'varchar' }) action: string;
  @Column({ name: 'from_status', type: 'varchar', nullable: true }) fromStatus: DossierStatus | null;
  @Column({ name: 'to_status', type: 'varchar' }) toStatus: DossierStatus;
  @Column({ name: 'from_step', type: 'varchar', nullable: true }) fromStep: string | null;
  @Column({ name: 'to_step', type: 'varchar', nullable: true }) toStep: string | null;
  @Column({ type: 'text', nullable: true }) comment: string | null;
  @Column({ type: 'jsonb', default: {} }) data: Record<string, unknown>;
}

/** A component's file. Content lives in the storage port; here its fingerprint and what it is. */
@Entity('dossier_file')
export class DossierFileEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'dossier_id', type: 'uuid' }) dossierId: string;
  @Column({ name: 'component_code', type: 'varchar' }) componentCode: string;
  @Column({ name: 'storage_key', type: 'text' }) storageKey: string;
  @Column({ name: 'file_name', type: 'varchar' }) fileName: string;
  @Column({ name: 'mime_type', type: 'varchar' }) mimeType: string;
  @Column({ name: 'size_bytes', type: 'bigint', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } }) sizeBytes: number;
  @Column({ type: 'char', length: 64 }) sha256: string;
  @Column({ type: 'varchar' }) source: 'UPLOAD' | 'SCAN' | 'SUPPLEMENT';
  @Column({ name: 'uploaded_by', type: 'uuid', nullable: true }) uploadedBy: string | null;
  @Column({ name: 'uploaded_at', type: 'timestamptz', default: () => 'now()' }) uploadedAt: Date;
  @Column({ name: 'replaced_at', type: 'timestamptz', nullable: true }) replacedAt: Date | null;
}
