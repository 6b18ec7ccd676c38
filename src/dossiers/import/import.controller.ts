import { Body, Controller, HttpCode, Ip, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiAuthGuard, CurrentUser, Roles } from '../../auth/guards.js';
import { API_PREFIX } from '../../common/api.js';
import type { Principal } from '../../common/roles.js';
import { IMPORT_BODY_SCHEMA } from './import-schema.js';
import { DossierImportService, type ImportedDossier } from './import.service.js';

@ApiTags('admin')
@ApiBearerAuth()
@Controller(`${API_PREFIX}/admin/dossiers`)
@UseGuards(ApiAuthGuard)
@Roles('ADMIN')
export class DossierImportController {
  constructor(private readonly imports: DossierImportService) {}

  /** The body is checked by the import's own parser, which names paths like `dossiers[3].events[2]`. */
  @Post('import')
  @HttpCode(200)
  @ApiBody({ schema: IMPORT_BODY_SCHEMA as object })
  @ApiOkResponse({
    description:
      'Each dossier in the order given, as computed (or as already stored, for a code imported before). ' +
      'All or nothing: one bad dossier → 422 and nothing is written.',
  })
  import(
    @Body() body: Record<string, unknown>,
    @CurrentUser() admin: Principal,
    @Ip() ip: string,
  ): Promise<{ dossiers: ImportedDossier[] }> {
    return this.imports.import(body, admin, ip);
  }
}
