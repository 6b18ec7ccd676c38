import { Module, type OnModuleInit } from '@nestjs/common';
import { DossierHooks } from '../dossiers/dossier-hooks.js';
import { DossiersModule } from '../dossiers/dossiers.module.js';
import { SigningModule } from '../signing/signing.module.js';
import { ResultIssuer } from './result-issuer.service.js';
import { ResultsController } from './results.controller.js';
import { ResultsService } from './results.service.js';
import { ReuseService } from './reuse.service.js';
import { VerificationService } from './verification.service.js';
import { VerifyController } from './verify.controller.js';

/**
 * Results: issued (numbered, rendered, signed, stored) when a leader approves,
 * downloaded (which returns the dossier), verified publicly by the token of
 * their QR code, revoked or replaced by a leader, and kept in the citizen's
 * wallet for later dossiers to reuse.
 */
@Module({
  imports: [DossiersModule, SigningModule],
  controllers: [ResultsController, VerifyController],
  providers: [ResultIssuer, ResultsService, VerificationService, ReuseService],
  exports: [ResultsService, VerificationService, ReuseService],
})
export class ResultsModule implements OnModuleInit {
  constructor(
    private readonly hooks: DossierHooks,
    private readonly issuer: ResultIssuer,
    private readonly reuse: ReuseService,
  ) {}

  onModuleInit(): void {
    this.hooks.register({
      afterTransition: async ({ tx, dossier, action, to, by, now, definition }) => {
        if (action === 'approve' && to === 'RESULT_READY') {
          const signer = by === 'SYSTEM' ? { id: null, fullName: '' } : { id: by.id, fullName: by.fullName };
          await this.issuer.issue(tx, { dossier, definition, signer, now });
        } else if (to === 'SUBMITTED') {
          // Filed or re-filed online: the components that data stood in for are counted as reuse.
          await this.reuse.record(tx, dossier, definition, by);
        }
      },
    });
  }
}
