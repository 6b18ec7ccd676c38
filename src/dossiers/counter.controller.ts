import { Body, Controller, Post, UploadedFiles, UseGuards, UseInterceptors } from '@nestjs/common';
import { AnyFilesInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAuthGuard, CurrentUser, Roles } from '../auth/guards.js';
import { API_PREFIX } from '../common/api.js';
import type { Principal } from '../common/roles.js';
import { validateInput } from '../common/validation.js';
import { COUNTER_UPLOAD_LIMITS, CounterIntakeDto, readCounterIntake } from './counter-intake.dto.js';
import { CounterIntakeService } from './counter-intake.service.js';
import { DossierQueriesService } from './dossier-queries.service.js';
import { toDossierResponse } from './dossier.dto.js';

@ApiTags('counter')
@ApiBearerAuth()
@Controller(`${API_PREFIX}/counter/dossiers`)
@UseGuards(ApiAuthGuard)
@Roles('RECEPTIONIST')
export class CounterController {
  constructor(
    private readonly intake: CounterIntakeService,
    private readonly queries: DossierQueriesService,
  ) {}

  @Post()
  @ApiOperation({
    summary: 'A paper dossier taken in at the counter, received at once (channel COUNTER, status IN_PROGRESS)',
    description:
      'JSON `{ procedureCode, applicant: { citizenId, fullName, email?, phone? }, formData }` when no component needs a scan; ' +
      'otherwise multipart/form-data with the same fields (`applicant` and `formData` as JSON texts) and one file per component ' +
      'named `files[<componentCode>]`. The citizen is found by citizen ID or given an account. 422 lists every problem; nothing is written then.',
  })
  @ApiConsumes('application/json', 'multipart/form-data')
  @ApiBody({ type: CounterIntakeDto })
  @UseInterceptors(AnyFilesInterceptor({ limits: COUNTER_UPLOAD_LIMITS }))
  async create(
    @Body() body: Record<string, unknown>,
    @UploadedFiles() files: { fieldname: string; originalname: string; buffer: Buffer }[] | undefined,
    @CurrentUser() user: Principal,
  ) {
    const { input, scans } = readCounterIntake(body ?? {}, files ?? []);
    const dto = await validateInput(CounterIntakeDto, input);
    const d = await this.intake.intake(user, { ...dto, scans });
    return toDossierResponse(await this.queries.get(user, d.id));
  }
}
