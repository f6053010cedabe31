import { Module } from '@nestjs/common';
import { ApiTokensService } from './api-tokens.service';
import { AuthController } from './auth.controller';
import { AuthRepository } from './auth.repository';
import { AuthService } from './auth.service';

@Module({
  controllers: [AuthController],
  providers: [AuthService, ApiTokensService, AuthRepository],
  exports: [ApiTokensService],
})
export class AuthModule {}
