import { Module } from '@nestjs/common';
import { InitiativesModule } from '../initiatives/initiatives.module';
import { DashboardController } from './dashboard.controller';
import { DashboardService } from './dashboard.service';

@Module({ imports: [InitiativesModule], controllers: [DashboardController], providers: [DashboardService] })
export class DashboardModule {}
