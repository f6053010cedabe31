import { Module } from '@nestjs/common';
import { resourceModule } from '../common/resource/resource.module';
import { actorsResources } from './actors/actors.resources';
import { agreementsResource } from './agreements/agreements.resource';
import { auditEventsResource } from './audit/audit-events.resource';
import { DashboardModule } from './dashboard/dashboard.module';
import { CitationsModule } from './sources/citations.module';
import { decisionsResource, engagementsResource } from './engagements/engagements.resources';
import { InitiativesModule } from './initiatives/initiatives.module';
import { MilestonesModule } from './milestones/milestones.module';
import { countriesResource, sectorsResource } from './reference/reference.resources';
import { savedViewsResource } from './saved-views/saved-views.resource';
import { evidenceResource, sourcesResource } from './sources/sources.resources';

/** Every resource of the analyst API (react-admin's simple-rest dialect under /api/<resource>). */
export const DECLARED_RESOURCES = [
  countriesResource,
  sectorsResource,
  ...actorsResources,
  engagementsResource,
  decisionsResource,
  agreementsResource,
  sourcesResource,
  evidenceResource,
  savedViewsResource,
  auditEventsResource,
];

@Module({
  imports: [
    InitiativesModule,
    MilestonesModule,
    DashboardModule,
    CitationsModule,
    ...DECLARED_RESOURCES.map((def) => resourceModule(def)),
  ],
})
export class ResourcesModule {}
