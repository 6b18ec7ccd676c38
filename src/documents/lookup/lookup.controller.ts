import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { API_PREFIX } from '../../common/api.js';
import { Problem } from '../../common/problem.js';
import { normaliseCode } from './lookup-record.js';
import { applyRate, LookupRateGuard, rateAddress } from './lookup-rate.guard.js';
import { LookupResponse, toLookupResponse } from './lookup.dto.js';
import { LookupService } from './lookup.service.js';

/** Anyone may follow a dossier by its code (the QR code of every one-stop form opens the page of the same). */
@ApiTags('lookup')
@Controller(`${API_PREFIX}/lookup`)
export class LookupController {
  constructor(
    private readonly lookup: LookupService,
    private readonly limit: LookupRateGuard,
  ) {}

  /** The per-address limit is counted in the lookup's own statement: one round trip. */
  @Get(':code')
  @ApiOkResponse({ type: LookupResponse })
  @ApiNotFoundResponse({ description: 'No dossier has this code (`lookup.notFound`)' })
  @ApiTooManyRequestsResponse({ description: 'More than 60 lookups in the minute from this address; see Retry-After' })
  async get(@Param('code') raw: string, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<LookupResponse> {
    const { rate, record } = await this.lookup.findCounted(rateAddress(req), normaliseCode(raw));
    applyRate(res, rate, () => this.limit.prune());
    if (!record) throw Problem.notFound('lookup.notFound');
    return toLookupResponse(record);
  }
}
