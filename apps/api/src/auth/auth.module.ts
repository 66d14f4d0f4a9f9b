import { createSecretKey } from 'node:crypto';
import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { SECRETS, type Secrets } from '../config/secrets';
import { UsersModule } from '../users/users.module';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { Authenticator } from './authenticator';
import { LoginAttemptStore, LoginThrottle } from './login-throttle';
import { LoginAttemptsRepository } from './login-attempts.repository';
import { TokenService } from './token.service';
import { HttpWechatSessionClient, WechatSessionClient } from './wechat-session.client';

@Global()
@Module({
  imports: [
    UsersModule,
    JwtModule.registerAsync({
      inject: [SECRETS],
      // A prepared key object: jsonwebtoken would otherwise rebuild it on every request.
      useFactory: (secrets: Secrets) => ({
        secret: createSecretKey(Buffer.from(secrets.jwtSecret, 'utf8')) as unknown as string,
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [
    AuthService,
    TokenService,
    Authenticator,
    LoginThrottle,
    // In PostgreSQL: the limits hold across API instances.
    { provide: LoginAttemptStore, useClass: LoginAttemptsRepository },
    { provide: WechatSessionClient, useClass: HttpWechatSessionClient },
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [TokenService, Authenticator],
})
export class AuthModule {}
