import { Module } from '@nestjs/common';
import { DossiersModule } from '../../dossiers/dossiers.module.js';
import { ResultsModule } from '../../results/results.module.js';
import { WebModule } from '../web.module.js';
import { ResultPagesController } from './result-pages.controller.js';
import { ReusePagesController } from './reuse-pages.controller.js';
import { VerifyPagesController } from './verify-pages.controller.js';
import { WalletPagesController } from './wallet-pages.controller.js';

/** The pages of results: public verification, the citizen's wallet, downloads, and the leader's revocation form. */
@Module({
  imports: [ResultsModule, WebModule, DossiersModule],
  controllers: [VerifyPagesController, WalletPagesController, ResultPagesController, ReusePagesController],
})
export class ResultPagesModule {}
