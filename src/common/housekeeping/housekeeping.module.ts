import { Global, Module } from '@nestjs/common';
import { Housekeeping } from './housekeeping.js';

/** Global, like the database: any feature with rows that expire adds its sweep without importing it. */
@Global()
@Module({ providers: [Housekeeping], exports: [Housekeeping] })
export class HousekeepingModule {}
