import { Module } from '@nestjs/common';
import { AsOfModule } from '../../common/as-of/as-of.module';
import { resourceModule } from '../../common/resource/resource.module';
import { HistoryService } from './history.service';
import { InitiativesController, StatusUpdatesCreateController } from './initiatives.controller';
import { InitiativesRepository } from './initiatives.repository';
import { InitiativesService } from './initiatives.service';
import { statusUpdatesResource } from './status-updates.resource';
import { StatusUpdatesService } from './status-updates.service';
import { TimelineService } from './timeline.service';

@Module({
  imports: [
    AsOfModule,
    resourceModule(statusUpdatesResource, {
      controllers: [StatusUpdatesCreateController],
      providers: [StatusUpdatesService, InitiativesRepository],
    }),
  ],
  controllers: [InitiativesController],
  providers: [InitiativesRepository, InitiativesService, StatusUpdatesService, TimelineService, HistoryService],
  exports: [InitiativesService, StatusUpdatesService],
})
export class InitiativesModule {}
