import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { API_PREFIX } from '../common/api.js';
import type { Page } from '../common/pagination.js';
import { CatalogueService, type CatalogueItem, type PublishedProcedure } from './catalogue.service.js';
import { CatalogueQueryDto } from './procedure.dto.js';

@ApiTags('procedures')
@Controller(`${API_PREFIX}/procedures`)
export class ProceduresController {
  constructor(private readonly catalogue: CatalogueService) {}

  @Get()
  @ApiOkResponse({ description: 'Published procedures; `q` matches with or without Vietnamese diacritics' })
  search(@Query() query: CatalogueQueryDto): Promise<Page<CatalogueItem>> {
    return this.catalogue.search(query);
  }

  @Get(':code')
  @ApiOkResponse({ description: 'The version in force, whole' })
  published(@Param('code') code: string): Promise<PublishedProcedure> {
    return this.catalogue.published(code);
  }
}
