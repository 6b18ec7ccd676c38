import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { AgencyLevel } from '../common/roles.js';

@Entity('agency')
export class AgencyEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stable code used in dossier codes, e.g. `H12.05`. */
  @Column({ type: 'varchar', length: 40, unique: true })
  code: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 12 })
  level: AgencyLevel;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId: string | null;

  @ManyToOne(() => AgencyEntity, { nullable: true })
  @JoinColumn({ name: 'parent_id' })
  parent?: AgencyEntity | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
