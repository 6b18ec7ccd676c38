import { Body, Controller, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiAuthGuard, CurrentUser, Roles } from '../auth/guards.js';
import { API_PREFIX } from '../common/api.js';
import type { Principal } from '../common/roles.js';
import { RatingsService } from './ratings.service.js';

@ApiTags('dossiers')
@ApiBearerAuth()
@Controller(`${API_PREFIX}/dossiers`)
@UseGuards(ApiAuthGuard)
@Roles('CITIZEN')
export class RatingsController {
  constructor(private readonly ratings: RatingsService) {}

  /** `{ score: 1..5, comment? }`, once, after the dossier is resolved (409 otherwise). */
  @Post(':id/rating')
  @HttpCode(201)
  rate(@Param('id') id: string, @Body() body: Record<string, unknown>, @CurrentUser() user: Principal) {
    return this.ratings.rate(user, id, body ?? {});
  }
}
