import { type DynamicModule, Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { Env } from './env';
import { resolveSecrets, SECRETS } from './secrets';

/** Makes the validated Env and the resolved secrets injectable everywhere. */
@Global()
@Module({})
export class AppConfigModule {
  static register(env: Env): DynamicModule {
    return {
      module: AppConfigModule,
      imports: [
        ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: [() => ({ ...env })] }),
      ],
      providers: [
        { provide: Env, useValue: env },
        { provide: SECRETS, useFactory: () => resolveSecrets(env) },
      ],
      exports: [Env, SECRETS],
    };
  }
}
