import { Global, Module } from '@nestjs/common';
import { AuthenticationService } from './authentication.service';
import { LoginThrottleService } from './login-throttle.service';
import { SessionsService } from './sessions.service';

/** What the global guard and every feature module need to know who is calling (and how often it failed to). */
@Global()
@Module({
  providers: [SessionsService, AuthenticationService, LoginThrottleService],
  exports: [SessionsService, AuthenticationService, LoginThrottleService],
})
export class AuthCoreModule {}
