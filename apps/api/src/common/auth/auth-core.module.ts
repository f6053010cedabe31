import { Global, Module } from '@nestjs/common';
import { AuthenticationService } from './authentication.service';
import { SessionsService } from './sessions.service';

/** What the global guard and every feature module need to know who is calling. */
@Global()
@Module({ providers: [SessionsService, AuthenticationService], exports: [SessionsService, AuthenticationService] })
export class AuthCoreModule {}
