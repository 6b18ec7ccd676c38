import { Controller, Get, Param, UseGuards } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { API_PREFIX } from '../../common/api.js';
import { Problem } from '../../common/problem.js';
import { normaliseCode } from './lookup-record.js';
import { LookupRateGuard } from './lookup-rate.guard.js';
import { LookupResponse, toLookupResponse } from './lookup.dto.js';
import { LookupService } from './lookup.service.js';

/** Anyone may follow a dossier by its code (the QR code of every one-stop form opens the page of the same). */
@ApiTags('lookup')
@Controller(`${API_PREFIX}/lookup`)
export class LookupController {
  constructor(private readonly lookup: LookupService) {}

  @Get(':code')
  @UseGuards(LookupRateGuard)
  @ApiOkResponse({ type: LookupResponse })
  @ApiNotFoundResponse({ description: 'No dossier has this code (`lookup.notFound`)' })
  @ApiTooManyRequestsResponse({ description: 'More than 60 lookups in the minute from this address; see Retry-After' })
  async get(@Param('code') raw: string): Promise<LookupResponse> {
    const code = normaliseCode(raw);
    const found = code ? await this.lookup.find(code) : null;
    if (!found) throw Problem.notFound('lookup.notFound');
    return toLookupResponse(found);
  }
}
