import { type DynamicModule, Global, Module } from '@nestjs/common';
import { DatabaseNotifications } from './database-notifications.js';
import { DATABASE_URL, PrismaService } from './prisma.service.js';

@Global()
@Module({})
export class DatabaseModule {
  static forRoot(databaseUrl: string): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [{ provide: DATABASE_URL, useValue: databaseUrl }, PrismaService, DatabaseNotifications],
      exports: [PrismaService, DatabaseNotifications],
    };
  }
}
