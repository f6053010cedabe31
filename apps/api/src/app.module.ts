import { Global, Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { PrismaClient } from '@rabta/db';
import { APP_CONFIG, APP_CONTEXT, APP_LOGGER, type AppContext } from './app.context';
import { AccessGuard } from './common/auth/access.guard';
import { AuthCoreModule } from './common/auth/auth-core.module';
import { ChangesModule } from './common/changes/changes.module';
import { ErrorFilter } from './common/errors/error.filter';
import { AuditModule } from './modules/audit/audit.module';
import { AuthModule } from './modules/auth/auth.module';
import { BackupModule } from './modules/backup/backup.module';
import { MeModule } from './modules/me/me.module';
import { MetricsModule } from './modules/metrics/metrics.module';
import { UsersModule } from './modules/users/users.module';
import { HealthModule } from './modules/health/health.module';
import { IatiModule } from './modules/iati/iati.module';
import { ImportsModule } from './modules/imports/imports.module';
import { OpenApiModule } from './modules/openapi/openapi.module';
import { ResourcesModule } from './modules/resources.module';
import { DirectoryModule } from './modules/directory/directory.module';
import { SearchModule } from './modules/search/search.module';
import { IntakeModule } from './modules/intake/intake.module';
import { ReportsModule } from './modules/reports/reports.module';
import { SettingsModule } from './modules/settings/settings.module';

@Global()
@Module({})
class ContextModule {
  static register(ctx: AppContext): DynamicModule {
    return {
      module: ContextModule,
      providers: [
        { provide: APP_CONTEXT, useValue: ctx },
        { provide: APP_CONFIG, useValue: ctx.config },
        { provide: APP_LOGGER, useValue: ctx.logger },
        { provide: PrismaClient, useValue: ctx.prisma },
      ],
      exports: [APP_CONTEXT, APP_CONFIG, APP_LOGGER, PrismaClient],
    };
  }
}

@Module({})
export class AppModule {
  static register(ctx: AppContext): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ContextModule.register(ctx),
        ChangesModule,
        MetricsModule,
        AuditModule,
        AuthCoreModule,
        SettingsModule,
        HealthModule,
        AuthModule,
        UsersModule,
        MeModule,
        ResourcesModule,
        SearchModule,
        DirectoryModule,
        IntakeModule,
        ReportsModule,
        ImportsModule,
        IatiModule,
        BackupModule,
        OpenApiModule,
      ],
      providers: [
        { provide: APP_FILTER, useClass: ErrorFilter },
        { provide: APP_GUARD, useClass: AccessGuard },
      ],
    };
  }
}
