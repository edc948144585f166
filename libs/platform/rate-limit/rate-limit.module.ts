import { Global, Module } from '@nestjs/common';

import { AttemptCounter } from './attempt-counter';
import { AttemptWindowRepository } from './attempt-window.repository';

@Global()
@Module({ providers: [AttemptWindowRepository, AttemptCounter], exports: [AttemptCounter] })
export class RateLimitModule {}
