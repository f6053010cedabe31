import { Module } from '@nestjs/common';
import { resourceServiceProvider } from '../../common/resource/resource.module';
import { CitationsController } from './citations.controller';
import { CitationsService } from './citations.service';
import { evidenceResource } from './sources.resources';

/** POST /api/sources/:id/citations, through the evidence resource's own service (its rules, its audit). */
@Module({
  controllers: [CitationsController],
  providers: [CitationsService, resourceServiceProvider(evidenceResource)],
})
export class CitationsModule {}
