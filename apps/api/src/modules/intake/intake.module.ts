import { Module } from '@nestjs/common';
import { resourceServiceProvider } from '../../common/resource/resource.module';
import { actorsResources } from '../actors/actors.resources';
import { agreementsResource } from '../agreements/agreements.resource';
import { engagementsResource } from '../engagements/engagements.resources';
import { InitiativesModule } from '../initiatives/initiatives.module';
import { milestonesResource } from '../milestones/milestones.resource';
import { evidenceResource, sourcesResource } from '../sources/sources.resources';
import { GazetteerService } from './gazetteer.service';
import { IntakeAcceptService } from './intake-accept.service';
import { IntakeController } from './intake.controller';
import { IntakeRepository } from './intake.repository';
import { IntakeScope } from './intake-scope';
import { IntakeService } from './intake.service';
import { IntakeTimings } from './intake-timings';
import { IntakeMetrics } from '../metrics/intake-metrics';

/**
 * Article intake. It writes records through the same ResourceService definitions the simple-rest routes use (one
 * instance per definition here, the same code and rules) and the initiatives module's StatusUpdatesService.
 */
@Module({
  imports: [InitiativesModule],
  controllers: [IntakeController],
  providers: [
    IntakeService,
    IntakeAcceptService,
    IntakeRepository,
    IntakeScope,
    IntakeTimings,
    IntakeMetrics,
    GazetteerService,
    ...[
      sourcesResource,
      evidenceResource,
      engagementsResource,
      agreementsResource,
      milestonesResource,
      ...actorsResources,
    ].map(resourceServiceProvider),
  ],
  exports: [IntakeTimings, GazetteerService],
})
export class IntakeModule {}
