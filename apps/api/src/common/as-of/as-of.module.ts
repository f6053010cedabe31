import { Module } from '@nestjs/common';
import { ActivityAsOf } from './activity.as-of';
import { DecisionsAsOf } from './decisions.as-of';
import { InitiativesAsOf } from './initiatives.as-of';
import { MilestonesAsOf } from './milestones.as-of';

/** The as-of queries, one per entity with a history: what the API, the dashboard and the reports all read. */
@Module({
  providers: [InitiativesAsOf, MilestonesAsOf, ActivityAsOf, DecisionsAsOf],
  exports: [InitiativesAsOf, MilestonesAsOf, ActivityAsOf, DecisionsAsOf],
})
export class AsOfModule {}
