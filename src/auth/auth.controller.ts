import { Body, Controller, Get, HttpCode, Ip, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { API_PREFIX } from '../common/api.js';
import type { Principal } from '../common/roles.js';
import { LoginDto, LoginResponse, MeResponse, RegisterDto, RegisteredResponse, toMe } from './auth.dto.js';
import { AuthService } from './auth.service.js';
import { ApiAuthGuard, CurrentUser } from './guards.js';

@ApiTags('auth')
@Controller(`${API_PREFIX}/auth`)
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('register')
  @ApiCreatedResponse({ type: RegisteredResponse })
  async register(@Body() dto: RegisterDto, @Ip() ip: string): Promise<RegisteredResponse> {
    const user = await this.auth.register(dto, ip);
    return { id: user.id };
  }

  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ type: LoginResponse })
  async login(@Body() dto: LoginDto, @Ip() ip: string): Promise<LoginResponse> {
    const session = await this.auth.login(dto, ip);
    const { id, fullName, roles, agencyCode } = toMe(session.user);
    return { accessToken: session.accessToken, expiresIn: session.expiresIn, user: { id, fullName, roles, agencyCode } };
  }

  @Get('me')
  @UseGuards(ApiAuthGuard)
  @ApiBearerAuth()
  @ApiOkResponse({ type: MeResponse })
  me(@CurrentUser() user: Principal): MeResponse {
    return toMe(user);
  }
}
