import { Global, Module } from '@nestjs/common';
import { ChangesService } from './changes.service';

/** The cross-process change feed (LISTEN/NOTIFY), for every module that keeps a per-process cache. */
@Global()
@Module({ providers: [ChangesService], exports: [ChangesService] })
export class ChangesModule {}
