import { Injectable, type ExecutionContext, type NestMiddleware } from '@nestjs/common';
import { AnyFilesInterceptor } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { lastValueFrom, of } from 'rxjs';
import { COUNTER_UPLOAD_LIMITS } from '../../dossiers/counter-intake.dto.js';

const Multipart = AnyFilesInterceptor({ limits: COUNTER_UPLOAD_LIMITS });

/**
 * Parses a multipart page form before the guards run. The page guard checks
 * the CSRF token in `req.body._csrf`, but Nest runs interceptors (where file
 * uploads are usually parsed) after guards, so a multipart form would always
 * look forged. Applied only to the counter's intake post; the files stay in
 * memory (`req.files`) for the controller. It reuses Nest's own multer
 * interceptor, so limits and errors are the same as the API's.
 */
@Injectable()
export class MultipartFirstMiddleware implements NestMiddleware {
  private readonly multipart = new Multipart();

  /** Errors (a file over the limit…) are thrown, so Nest's exception filter answers them like any page's. */
  async use(req: Request, res: Response, next: NextFunction): Promise<void> {
    // The interceptor reads only switchToHttp() of its context; its "handler" does nothing.
    const context = { switchToHttp: () => ({ getRequest: () => req, getResponse: () => res }) } as unknown as ExecutionContext;
    await lastValueFrom(await this.multipart.intercept(context, { handle: () => of(null) }), { defaultValue: null });
    next();
  }
}
