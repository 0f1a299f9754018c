import { type DynamicModule, Global, Module } from '@nestjs/common';
import type { AppConfig } from './config.js';

export const APP_CONFIG = Symbol('APP_CONFIG');
export const APP_LOGGER = Symbol('APP_LOGGER');

@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig, logger: unknown): DynamicModule {
    return {
      module: ConfigModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: APP_LOGGER, useValue: logger },
      ],
      exports: [APP_CONFIG, APP_LOGGER],
    };
  }
}
