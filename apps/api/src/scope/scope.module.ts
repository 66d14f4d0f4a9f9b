import { Global, Module } from '@nestjs/common';
import { ScopeRepository } from './scope.repository';
import { ScopeService } from './scope.service';

@Global()
@Module({ providers: [ScopeService, ScopeRepository], exports: [ScopeService] })
export class ScopeModule {}
