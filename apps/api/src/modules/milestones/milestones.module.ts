import { Module } from '@nestjs/common';
import { resourceServiceProvider } from '../../common/resource/resource.module';
import { MilestonesController } from './milestones.controller';
import { milestonesResource } from './milestones.resource';
import { MilestonesService } from './milestones.service';

@Module({
  controllers: [MilestonesController],
  providers: [resourceServiceProvider(milestonesResource), MilestonesService],
  exports: [MilestonesService],
})
export class MilestonesModule {}
