import { Module } from '@nestjs/common';
import { WebModule } from '../web/web.module.js';
import { RatingPagesController } from './rating-pages.controller.js';
import { RatingsController } from './ratings.controller.js';
import { RatingsService } from './ratings.service.js';

@Module({
  imports: [WebModule],
  controllers: [RatingsController, RatingPagesController],
  providers: [RatingsService],
  exports: [RatingsService],
})
export class RatingsModule {}
