import { Inject, Injectable } from '@nestjs/common';
import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { SignPdf } from '@signpdf/signpdf';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { AgencyKeyStore } from './agency-keys.js';
import { CredentialsSigner } from './cms-signer.js';

export interface SigningAgency {
  id: string;
  code: string;
  name: string;
}

/**
 * Signs PDFs in the name of an agency (PAdES basic: adbe.pkcs7.detached over
 * the whole file but the signature itself): results, one-stop forms,
 * e-receipts. The key is the agency's certificate from `SIGNING_P12_PATH`,
 * or a self-signed one generated into `DATA_DIR/keys` on first use.
 *
 * `@signpdf/placeholder-plain` reserves the signature, `@signpdf/signpdf`
 * fills it; the CMS comes from `CredentialsSigner`, which builds what
 * `@signpdf/signer-p12`'s P12Signer builds from the same PKCS#12 (checked
 * against P12Signer in `cms-signer.spec.ts`) but about 40 times faster.
 */
@Injectable()
export class SigningService {
  private readonly keys: AgencyKeyStore;
  private readonly signer = new SignPdf();

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.keys = new AgencyKeyStore({
      p12Path: config.signingP12?.path,
      passphrase: config.signingP12?.passphrase,
      dataDir: config.dataDir,
    });
  }

  async sign(pdf: Buffer, agency: SigningAgency): Promise<Buffer> {
    const credentials = await this.keys.credentialsFor(agency);
    const prepared = plainAddPlaceholder({
      pdfBuffer: pdf,
      reason: `Ký số bởi ${agency.name}`,
      contactInfo: '',
      name: agency.name,
      location: 'Việt Nam',
      appName: 'Cổng dịch vụ công một cửa',
    });
    return this.signer.sign(prepared, new CredentialsSigner(credentials));
  }
}
