import { Module } from '@nestjs/common';
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
    resourceModule(statusUpdatesResource, {
      controllers: [StatusUpdatesCreateController],
      providers: [StatusUpdatesService, InitiativesRepository],
    }),
  ],
  controllers: [InitiativesController],
  providers: [InitiativesRepository, InitiativesService, StatusUpdatesService, TimelineService, HistoryService],
  exports: [InitiativesRepository, InitiativesService],
})
export class InitiativesModule {}
