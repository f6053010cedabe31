import { Module } from '@nestjs/common';
import { InitiativesModule } from '../initiatives/initiatives.module';
import { ImportsController } from './imports.controller';
import { ImportsService } from './imports.service';

@Module({ imports: [InitiativesModule], controllers: [ImportsController], providers: [ImportsService] })
export class ImportsModule {}
