import { type DynamicModule, Global, Module } from '@nestjs/common';
import { DatabaseNotifications } from './database-notifications.js';
import { DATABASE_URL, PrismaService } from './prisma.service.js';
import { ReadRouting } from './read-routing.js';
import { READ_REPLICA, type ReplicaSettings } from './replica-client.js';

@Global()
@Module({})
export class DatabaseModule {
  /** `replica`: a streaming replica of `databaseUrl` for reads (see ReadRouting); none by default. */
  static forRoot(databaseUrl: string, replica?: ReplicaSettings): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        { provide: DATABASE_URL, useValue: databaseUrl },
        { provide: READ_REPLICA, useValue: replica ?? null },
        PrismaService,
        DatabaseNotifications,
        ReadRouting,
      ],
      exports: [PrismaService, DatabaseNotifications, ReadRouting],
    };
  }
}
