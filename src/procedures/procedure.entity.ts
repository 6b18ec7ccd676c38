import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { ProcedureDefinition } from './forms/definition.js';

/** A procedure: its stable code, and the catalogue facts copied from the version in force. */
@Entity('procedure')
export class ProcedureEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 64 })
  code: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  /** The published version new dossiers use; null until the first publication. */
  @Column({ name: 'current_version', type: 'int', nullable: true })
  currentVersion: number | null;

  @Column({ type: 'text', nullable: true })
  name: string | null;

  @Column({ name: 'name_en', type: 'text', nullable: true })
  nameEn: string | null;

  @Column({ type: 'text', nullable: true })
  sector: string | null;

  @Column({ type: 'varchar', length: 12, nullable: true })
  level: string | null;

  @Column({ name: 'agency_codes', type: 'text', array: true, default: () => "'{}'" })
  agencyCodes: string[];

  @Column({ name: 'service_level', type: 'varchar', length: 8, nullable: true })
  serviceLevel: string | null;
}

export type VersionStatus = 'DRAFT' | 'PUBLISHED';

/** One version of a procedure's configuration. Published versions are frozen (a database trigger enforces it). */
@Entity('procedure_version')
export class ProcedureVersionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'procedure_id', type: 'uuid' })
  procedureId: string;

  @ManyToOne(() => ProcedureEntity)
  @JoinColumn({ name: 'procedure_id' })
  procedure?: ProcedureEntity;

  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'varchar', length: 10 })
  status: VersionStatus;

  @Column({ type: 'jsonb' })
  definition: ProcedureDefinition;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ name: 'published_by', type: 'uuid', nullable: true })
  publishedBy: string | null;
}
