import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { audit } from '../audit/audit.js';
import { uniqueViolation } from '../common/db-errors.js';
import { Problem } from '../common/problem.js';
import type { Principal } from '../common/roles.js';
import { buildTree, placementError, type TreeNode } from './agency-tree.js';
import type { AgencyResponse, CreateAgencyDto } from './agency.dto.js';
import { AgencyEntity } from './agency.entity.js';

@Injectable()
export class AgenciesService {
  constructor(private readonly db: DataSource) {}

  async create(dto: CreateAgencyDto, actor: Principal | null, ip?: string): Promise<AgencyResponse> {
    try {
      return await this.db.transaction(async (tx) => {
        const parent = dto.parentCode ? await tx.findOneBy(AgencyEntity, { code: dto.parentCode }) : null;
        if (dto.parentCode && !parent) throw Problem.validation([{ path: 'parentCode', code: 'agency.notFound' }]);
        const misplaced = placementError(dto.level, parent);
        if (misplaced) throw Problem.validation([{ path: 'parentCode', code: misplaced }]);
        const agency = tx.create(AgencyEntity, { code: dto.code, name: dto.name, level: dto.level, parentId: parent?.id ?? null });
        await tx.save(agency);
        await audit(tx, {
          actorId: actor?.id ?? null,
          action: 'agency.created',
          targetType: 'agency',
          targetId: agency.code,
          detail: { name: agency.name, level: agency.level, parentCode: parent?.code ?? null },
          ip,
        });
        return { id: agency.id, code: agency.code, name: agency.name, level: agency.level, parentCode: parent?.code ?? null };
      });
    } catch (err) {
      if (uniqueViolation(err) === 'agency_code_key') throw Problem.conflict('conflict.agencyCode', 'code');
      throw err;
    }
  }

  async list(): Promise<AgencyResponse[]> {
    const rows = await this.db.getRepository(AgencyEntity).find({ relations: { parent: true }, order: { code: 'ASC' } });
    return rows.map((a) => ({ id: a.id, code: a.code, name: a.name, level: a.level, parentCode: a.parent?.code ?? null }));
  }

  async tree(): Promise<TreeNode<AgencyResponse & { parentId: string | null }>[]> {
    const rows = await this.db.getRepository(AgencyEntity).find({ relations: { parent: true } });
    return buildTree(
      rows.map((a) => ({ id: a.id, code: a.code, name: a.name, level: a.level, parentCode: a.parent?.code ?? null, parentId: a.parentId })),
    );
  }
}
