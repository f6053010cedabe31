import { Module } from '@nestjs/common';
import { AsOfModule } from '../../common/as-of/as-of.module';
import { DashboardController } from './dashboard.controller';
import { DashboardService } from './dashboard.service';

@Module({ imports: [AsOfModule], controllers: [DashboardController], providers: [DashboardService] })
export class DashboardModule {}
