import { Controller, Get, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Roles } from '../../auth/guards.js';
import type { Principal } from '../../common/roles.js';
import { ResultsService } from '../../results/results.service.js';
import { pageLang } from '../page-context.js';
import { WebSessionGuard } from '../web-session.guard.js';
import { walletView } from './wallet-view.js';

/** `/wallet`: the results issued to the citizen ("kho dữ liệu"), to download, verify and reuse. */
@ApiExcludeController()
@Controller('wallet')
@UseGuards(WebSessionGuard)
export class WalletPagesController {
  constructor(private readonly results: ResultsService) {}

  @Get()
  @Roles('CITIZEN')
  async wallet(@CurrentUser() user: Principal, @Res() res: Response): Promise<void> {
    res.render('pages/wallet/wallet', walletView(await this.results.wallet(user), pageLang(res)));
  }
}
