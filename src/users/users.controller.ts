import { Body, Controller, Get, Ip, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiAuthGuard, CurrentUser, Roles } from '../auth/guards.js';
import { API_PREFIX } from '../common/api.js';
import type { Page } from '../common/pagination.js';
import type { Principal } from '../common/roles.js';
import { CreateUserDto, toUserResponse, UserListQuery, UserResponse } from './user.dto.js';
import { UsersService } from './users.service.js';

@ApiTags('admin')
@ApiBearerAuth()
@Controller(`${API_PREFIX}/admin/users`)
@UseGuards(ApiAuthGuard)
@Roles('ADMIN')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @ApiCreatedResponse({ schema: { properties: { id: { type: 'string' } } } })
  async create(@Body() dto: CreateUserDto, @CurrentUser() admin: Principal, @Ip() ip: string): Promise<{ id: string }> {
    const user = await this.users.createByAdmin(dto, admin, ip);
    return { id: user.id };
  }

  @Get()
  @ApiOkResponse({ description: 'Accounts, newest first' })
  async list(@Query() query: UserListQuery): Promise<Page<UserResponse>> {
    const page = await this.users.list(query);
    return { ...page, items: page.items.map(toUserResponse) };
  }
}
