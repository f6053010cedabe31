import { Module } from '@nestjs/common';
import { resourceModule } from '../../common/resource/resource.module';
import { AsOfModule } from '../../common/as-of/as-of.module';
import { ReportDataRepository } from './data/report-data.repository';
import { PdfRenderer } from './render/pdf';
import { ReportGenerator } from './report-generator';
import { ReportScheduler } from './report-scheduler';
import { reportSchedulesResource } from './report-schedules.resource';
import { ReportsController } from './reports.controller';
import { ReportsQueue } from './reports.queue';
import { ReportsService } from './reports.service';

/** Status reports (/api/reports) generated on the PostgreSQL-backed queue, and their schedules (/api/report-schedules). */
@Module({
  imports: [AsOfModule, resourceModule(reportSchedulesResource)],
  controllers: [ReportsController],
  providers: [ReportDataRepository, PdfRenderer, ReportGenerator, ReportsQueue, ReportScheduler, ReportsService],
  exports: [ReportsQueue, ReportScheduler],
})
export class ReportsModule {}
