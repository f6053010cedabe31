import { Module } from '@nestjs/common';
import { InitiativesModule } from '../initiatives/initiatives.module';
import { IatiController } from './iati.controller';
import { IatiService } from './iati.service';

@Module({ imports: [InitiativesModule], controllers: [IatiController], providers: [IatiService] })
export class IatiModule {}
