import { Body, Controller, Get, Ip, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiAuthGuard, CurrentUser, Roles } from '../auth/guards.js';
import { API_PREFIX } from '../common/api.js';
import type { Principal } from '../common/roles.js';
import type { TreeNode } from './agency-tree.js';
import { AgencyNode, AgencyResponse, AgencyTreeResponse, CreateAgencyDto } from './agency.dto.js';
import { AgenciesService } from './agencies.service.js';

@ApiTags('agencies')
@Controller(API_PREFIX)
export class AgenciesController {
  constructor(private readonly agencies: AgenciesService) {}

  @Get('agencies')
  @ApiOkResponse({ type: AgencyTreeResponse, description: 'The agency tree: provinces with their departments and communes' })
  async tree(): Promise<AgencyTreeResponse> {
    return { items: (await this.agencies.tree()).map(toNode) };
  }

  @Post('admin/agencies')
  @UseGuards(ApiAuthGuard)
  @Roles('ADMIN')
  @ApiBearerAuth()
  @ApiCreatedResponse({ type: AgencyResponse })
  create(@Body() dto: CreateAgencyDto, @CurrentUser() admin: Principal, @Ip() ip: string): Promise<AgencyResponse> {
    return this.agencies.create(dto, admin, ip);
  }
}

function toNode(n: TreeNode<AgencyResponse>): AgencyNode {
  return { id: n.id, code: n.code, name: n.name, level: n.level, parentCode: n.parentCode, children: n.children.map(toNode) };
}
