import { Module } from '@nestjs/common';
import { AsOfModule } from '../../common/as-of/as-of.module';
import { resourceServiceProvider } from '../../common/resource/resource.module';
import { MilestonesController } from './milestones.controller';
import { milestonesResource } from './milestones.resource';
import { MilestonesService } from './milestones.service';

@Module({
  imports: [AsOfModule],
  controllers: [MilestonesController],
  providers: [resourceServiceProvider(milestonesResource), MilestonesService],
  exports: [MilestonesService],
})
export class MilestonesModule {}
