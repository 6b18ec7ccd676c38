import { Module } from '@nestjs/common';
import { SigningService } from './signing.service.js';

/** The agencies' digital signature on the PDFs the portal issues. */
@Module({
  providers: [SigningService],
  exports: [SigningService],
})
export class SigningModule {}
